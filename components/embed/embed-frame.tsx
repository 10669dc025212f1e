import type { SourceRef } from '@/lib/sql';
import { formatDay } from '@/lib/format';
import { absoluteUrl } from '@/lib/site-url';
import { HeightReporter } from './height-reporter';

export type EmbedTheme = 'light' | 'dark' | 'auto';

/** `?theme=` of an embed: light, dark, or (anything else) the reader's own preference. */
export function embedTheme(value: string | string[] | undefined): EmbedTheme {
  const v = Array.isArray(value) ? value[0] : value;
  return v === 'light' || v === 'dark' ? v : 'auto';
}

/**
 * The frame of every embed: no site navigation, the theme, a "data: Whipcount, source …" line
 * that links back, and the script that tells the host page how tall the content is. Links open in
 * a new tab: an embed never navigates its host's frame.
 */
export function EmbedFrame({
  theme,
  title,
  href,
  source,
  children,
}: {
  theme: EmbedTheme;
  title: string;
  href: string;
  source: SourceRef | null;
  children: React.ReactNode;
}) {
  return (
    <div className="embed flex flex-col gap-3 p-3 text-ink" data-theme={theme} data-testid="embed">
      <h1 className="font-serif text-lg font-bold leading-tight">
        <a href={absoluteUrl(href)} target="_blank" rel="noopener" className="text-ink">
          {title}
        </a>
      </h1>
      {children}
      <p className="text-xs text-muted" data-testid="embed-credit">
        Data:{' '}
        <a href={absoluteUrl(href)} target="_blank" rel="noopener">
          Whipcount
        </a>
        {source && (
          <>
            , source{' '}
            <a href={source.url ?? absoluteUrl(`/sources/${source.id}`)} target="_blank" rel="noopener">
              {source.publisher}, {formatDay(source.publishedAt)}
            </a>
          </>
        )}
        .
      </p>
      <HeightReporter />
    </div>
  );
}

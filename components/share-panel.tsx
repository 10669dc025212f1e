import { CopyBox } from '@/components/copy-box';
import { formatDay } from '@/lib/format';
import { absoluteUrl } from '@/lib/site-url';

/** The snippet a newsroom pastes into an article: the frame, and the script that sizes it. */
export function embedCode(embedPath: string, title: string): string {
  return [
    `<iframe data-whipcount src="${absoluteUrl(embedPath)}" title="${title.replace(/"/g, '&quot;')}" style="width:100%;min-height:320px;border:0" loading="lazy"></iframe>`,
    `<script async src="${absoluteUrl('/embed.js')}"></script>`,
  ].join('\n');
}

/** A plain-text citation of a page: title, site, permanent address, the day it was read. */
export function citation(title: string, path: string, retrieved = new Date()): string {
  return `“${title}”. Whipcount. ${absoluteUrl(path)} (retrieved ${formatDay(retrieved)}).`;
}

/**
 * Take it elsewhere: embed the live count in an article, cite the page, follow its changes.
 * Collapsed by default, so the page's own content comes first.
 */
export function SharePanel({
  title,
  path,
  embedPath,
  feedPath,
}: {
  title: string;
  path: string;
  embedPath: string;
  feedPath?: string;
}) {
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="share-panel">
      <details className="rounded border border-rule bg-white p-2">
        <summary className="cursor-pointer font-medium">Embed this</summary>
        <div className="mt-2 flex flex-col gap-2">
          <p className="text-muted">
            Paste into an article: a live count that sizes itself to its content. Add{' '}
            <code className="whitespace-nowrap">?theme=dark</code> or{' '}
            <code className="whitespace-nowrap">?theme=light</code> to the address to fix the colours (by default it
            follows the reader’s setting). <a href={embedPath}>Preview the embed</a>.
          </p>
          <CopyBox label="Embed code" text={embedCode(embedPath, title)} rows={4} />
        </div>
      </details>
      <details className="rounded border border-rule bg-white p-2">
        <summary className="cursor-pointer font-medium">Cite this</summary>
        <div className="mt-2">
          <CopyBox label="Citation" text={citation(title, path)} rows={2} />
        </div>
      </details>
      {feedPath && (
        <p>
          <a href={feedPath}>Follow its changes (Atom feed)</a>
        </p>
      )}
    </div>
  );
}

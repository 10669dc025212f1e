import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EmbedFrame, embedTheme } from '@/components/embed/embed-frame';
import { ParliamentChart } from '@/components/whip/parliament-chart';
import { StandCountGrid } from '@/components/whip/stand-counts';
import { formatDay } from '@/lib/format';
import { getWhipCount } from '@/lib/whip-count';
import { isSlug, stagePosition } from '@/lib/validation';
import { RESULT_LABEL } from '@/lib/division-outcome';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ slug: string; position: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(params: Props['params']) {
  const { slug, position } = await params;
  const n = stagePosition(position);
  return isSlug(slug) && n !== null ? getWhipCount(slug, n) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const count = await load(params);
  return { title: count ? `Whip count: ${count.stage.name}` : 'Not found', robots: { index: false } };
}

// The whip count of one vote for framing inside an article: where the members stand, what the vote
// needs and how it looks, then the hemicycle (drawn on the server: no JavaScript needed).
export default async function WhipCountEmbed({ params, searchParams }: Props) {
  const count = await load(params);
  if (!count) notFound();
  const theme = embedTheme((await searchParams).theme);
  const { counts, division } = count;
  return (
    <EmbedFrame
      theme={theme}
      title={`Whip count: ${count.stage.name} — ${count.campaign.title}`}
      href={`/campaigns/${count.campaign.slug}/stages/${count.stage.position}`}
      source={count.source}
    >
      <p className="text-xs text-muted">
        {count.members} members may vote, as members on {formatDay(count.day)}
        {count.stage.scheduledOn ? ` · vote ${formatDay(count.stage.scheduledOn)}` : ''}
      </p>
      <StandCountGrid counts={counts} testId="embed-stands" compact />
      <p className="text-sm">
        <strong>Needs:</strong> {count.ruleText}. <span data-testid="embed-outlook">{count.outlookText}</span>
      </p>
      {division && (
        <p className="text-sm tabular-nums">
          The vote{division.heldOn ? `, ${formatDay(division.heldOn)}` : ''}: ayes {division.ayes}, noes {division.noes}{' '}
          — <strong>{RESULT_LABEL[division.result]}</strong>.
        </p>
      )}
      <ParliamentChart members={count.memberList} title={`Whip count of ${count.stage.name}`} />
    </EmbedFrame>
  );
}

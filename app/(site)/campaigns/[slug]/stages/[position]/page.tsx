import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChartFigure } from '@/components/charts/chart-figure';
import { WhipHistoryChart } from '@/components/charts/lazy';
import { DownloadLinks } from '@/components/download-links';
import { Section } from '@/components/section';
import { SharePanel } from '@/components/share-panel';
import { SourceLink } from '@/components/source-link';
import { WhipCountEditor } from '@/components/whip/editor-forms';
import { MemberTable } from '@/components/whip/member-table';
import { StandBadge } from '@/components/whip/stand-badge';
import { StandTable } from '@/components/whip/stand-table';
import { ParliamentChart } from '@/components/whip/parliament-chart';
import { STAND_COLOUR } from '@/components/whip/stands';
import { ChangesSection, HeadlineSection, VoteSection } from '@/components/whip/sections';
import { entityDef, STANDS as STAND_OPTIONS } from '@/lib/admin/entities';
import { referenceOptions } from '@/lib/admin/store';
import { hasRole } from '@/lib/auth/roles';
import { currentActor } from '@/lib/auth/session';
import { STAND_LABEL } from '@/lib/decision-rule';
import { formatDay, isoDay } from '@/lib/format';
import { pageMetadata } from '@/lib/metadata';
import { lastSourceUsed } from '@/lib/positions';
import { filterMembers, getWhipCount, listStageDivisions, STANDS, whipQuerySchema } from '@/lib/whip-count';
import { isSlug, stagePosition } from '@/lib/validation';
import { shareImageMeta } from '@/lib/share-image';

export const dynamic = 'force-dynamic';

const PER_PAGE = 50;
type Props = {
  params: Promise<{ slug: string; position: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, position } = await params;
  const n = stagePosition(position);
  const count = isSlug(slug) && n ? await getWhipCount(slug, n) : null;
  if (!count) return { title: 'Vote not found' };
  const { counts } = count;
  return pageMetadata({
    title: `Whip count: ${count.stage.name} — ${count.campaign.title}`,
    description: `${count.members} members may vote: ${counts.FOR + counts.LEANING_FOR} for or leaning for, ${counts.AGAINST + counts.LEANING_AGAINST} against or leaning against. ${count.outlookText}`,
    path: `/campaigns/${count.campaign.slug}/stages/${count.stage.position}`,
    feedPath: `/campaigns/${count.campaign.slug}/feed.xml`,
    feedTitle: `${count.campaign.title}: changes`,
    image: await shareImageMeta('stage'),
  });
}

export default async function WhipCountPage({ params, searchParams }: Props) {
  const { slug, position } = await params;
  const n = stagePosition(position);
  if (!isSlug(slug) || n === null) notFound();
  const count = await getWhipCount(slug, n);
  if (!count) notFound();
  const raw = await searchParams;
  const query = whipQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  const actor = await currentActor();
  const { changes, history } = count;
  const table = filterMembers(count.memberList, query, PER_PAGE);
  const editor = actor && hasRole(actor.role, 'editor');
  const [options, lastSource, divisions] = editor
    ? await Promise.all([
        referenceOptions(entityDef('divisions')!, undefined, { people: false }),
        lastSourceUsed(),
        listStageDivisions(count.stage.id),
      ])
    : [null, null, []];
  const { division } = count;

  return (
    <article className="flex flex-col gap-5">
      <header className="flex flex-col gap-1">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href={`/campaigns/${count.campaign.slug}`}>{count.campaign.title}</Link> › Procedure, stage{' '}
          {count.stage.position}
        </nav>
        <h1 className="font-serif text-3xl font-bold">Whip count: {count.stage.name}</h1>
        <p className="text-muted">
          {count.stage.bodyName ?? 'No body recorded'} · {count.members} members may vote, as members on{' '}
          {formatDay(count.day)} ({count.dayReason}) ·{' '}
          {count.stage.scheduledOn
            ? `vote ${formatDay(count.stage.scheduledOn)}`
            : count.stage.scheduleNote
              ? `“${count.stage.scheduleNote}”`
              : 'no date set'}
        </p>
        <SourceLink source={count.source} />
      </header>

      {/* After the vote, the result leads (issue 22); before it, where members stand. */}
      {division && <VoteSection division={division} />}
      <HeadlineSection count={count} />

      <div className="grid gap-5 lg:grid-cols-2">
        <Section id="chart" title="Every member, by party and position">
          <ChartFigure
            id="whip-chart"
            title={`Whip count of ${count.stage.name}: every member, by party and position`}
            legend={STANDS.map((s) => ({ label: STAND_LABEL[s], colour: STAND_COLOUR[s] }))}
            filename={`whip-count-${slug}-${n}`}
            caption={`${count.members} seats, parties as wedges (largest on the left), coloured by position; the parties are named under the chart, left to right.`}
            table={
              <StandTable
                rowHeader="Party"
                rows={count.byParty.map((p) => ({ key: p.party, label: p.party, counts: p.counts }))}
              />
            }
          >
            <ParliamentChart
              members={count.memberList}
              title={`Whip count of ${count.stage.name}`}
              src={`/campaigns/${count.campaign.slug}/stages/${count.stage.position}/chamber.svg`}
            />
          </ChartFigure>
          <ul className="mt-2 flex flex-wrap gap-3 text-xs" aria-label="Key">
            {STANDS.map((s) => (
              <li key={s}>
                <StandBadge stand={s === 'UNKNOWN' ? null : s} />
              </li>
            ))}
          </ul>
        </Section>

        <Section id="over-time" title="Positions over time">
          {history.length === 0 ? (
            <p className="text-sm text-muted">No one’s position is recorded yet.</p>
          ) : (
            <ChartFigure
              id="whip-history"
              title={`Whip count of ${count.stage.name}: positions over time`}
              filename={`whip-count-${slug}-${n}-over-time`}
              caption="Members by position at the end of each day on which someone’s position was first recorded or changed."
              table={
                <StandTable
                  rowHeader="Day"
                  rows={history.map((h) => ({ key: h.day, label: formatDay(h.day), counts: h.counts }))}
                />
              }
            >
              <WhipHistoryChart series={history} />
            </ChartFigure>
          )}
        </Section>
      </div>

      <Section
        id="members"
        title="Members who may vote"
        aside={
          <span className="flex flex-col items-end gap-1">
            <DownloadLinks
              path={`/campaigns/${slug}/stages/${n}/members.csv`}
              params={{ q: query.q, party: query.party, stand: query.stand, sort: query.sort, dir: query.dir }}
              label="Members as shown"
            />
            <DownloadLinks
              name="positions"
              params={{ campaign: slug, stage: String(n) }}
              label="Positions, whole history"
            />
          </span>
        }
      >
        <MemberTable
          rows={table.rows}
          query={query}
          parties={count.parties}
          matching={table.total}
          total={count.memberList.length}
          perPage={table.perPage}
          voted={division !== null}
        />
      </Section>

      <ChangesSection changes={changes} />

      <Section id="share" title="Embed, cite, follow">
        <SharePanel
          title={`Whip count: ${count.stage.name} — ${count.campaign.title}`}
          path={`/campaigns/${slug}/stages/${n}`}
          embedPath={`/embed/campaigns/${slug}/stages/${n}`}
          feedPath={`/campaigns/${slug}/feed.xml`}
        />
      </Section>

      {editor && options && (
        <Section id="edit" title="Update the count">
          <WhipCountEditor
            stageId={count.stage.id}
            members={count.memberList
              .map(
                (m) =>
                  [
                    m.slug,
                    `${m.name}${m.party ? ` — ${m.party}` : ''}${m.constituency ? ` — ${m.constituency}` : ''}`,
                  ] as const,
              )
              .sort((a, b) => a[1].localeCompare(b[1]))}
            stands={STAND_OPTIONS}
            sources={(options.source ?? []).map((o) => [o.value, o.label] as const)}
            divisions={divisions.map(
              (d) => [String(d.id), `${d.heldOn ? `${isoDay(d.heldOn)}: ` : ''}${d.question}`] as const,
            )}
            today={isoDay(new Date())!}
            lastSource={lastSource ? String(lastSource) : ''}
          />
        </Section>
      )}
    </article>
  );
}

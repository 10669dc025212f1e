// A division's page parts, result first: the result, the hemicycle by vote, the table by party and
// the rebels. Server components: they only display what lib/divisions.ts worked out.
import Link from 'next/link';
import { Section } from '@/components/section';
import { TableShell } from '@/components/table-shell';
import { TextRows } from '@/components/text-rows';
import { hemicycleSvg } from '@/components/whip/parliament-chart';
import { ChamberChart } from '@/components/charts/chamber-chart';
import { RESULT_LABEL, voted } from '@/lib/division-outcome';
import type { DivisionBallot, DivisionDetail } from '@/lib/divisions';
import { formatDay } from '@/lib/format';
import { SourceLink } from '@/components/source-link';

export const VOTE_LABEL = { AYE: 'Aye', NO: 'No', ABSTAIN: 'Abstained' } as const;
const VOTE_ORDER = ['AYE', 'TELLER_AYE', 'ABSTAIN', 'NONE', 'TELLER_NO', 'NO'] as const;
const VOTE_COLOUR: Record<string, string> = {
  AYE: '#1a7f37',
  TELLER_AYE: '#7cc48a',
  ABSTAIN: '#d4a72c',
  NONE: '#d6d3cb',
  TELLER_NO: '#e8968c',
  NO: '#b42318',
};
const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

/** How a member voted, in words: "Aye (teller)", "No, by proxy (Jo Bloggs)", "Did not vote". */
export function voteText(b: DivisionBallot): string {
  if (!b.vote) return 'Did not vote';
  return `${VOTE_LABEL[b.vote]}${b.teller ? ' (teller)' : ''}${b.proxy ? `, by proxy (${b.proxy})` : ''}`;
}

export function houseLabel(house: string | null) {
  return house === 'COMMONS' ? 'House of Commons' : house === 'LORDS' ? 'House of Lords' : 'Vote';
}

/** The result first: carried or not, ayes and noes (tellers apart), majority, turnout. */
export function ResultSection({ d }: { d: DivisionDetail }) {
  const carried = d.result === 'carried';
  return (
    <section aria-labelledby="result-title" className="rounded-lg border border-rule bg-white p-4 shadow-sm sm:p-5">
      <h2 id="result-title" className="sr-only">
        Result
      </h2>
      <p
        data-testid="division-result"
        className={`font-serif text-3xl font-bold ${carried ? 'text-green-800' : d.result === 'not carried' ? 'text-red-800' : 'text-ink'}`}
      >
        {RESULT_LABEL[d.result].charAt(0).toUpperCase() + RESULT_LABEL[d.result].slice(1)}
      </p>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" data-testid="division-totals">
        <div>
          <dt className="text-xs uppercase tracking-wide text-muted">Ayes</dt>
          <dd className="text-2xl font-bold tabular-nums">{d.totals.ayes}</dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-muted">Noes</dt>
          <dd className="text-2xl font-bold tabular-nums">{d.totals.noes}</dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-muted">Majority</dt>
          <dd className="text-2xl font-bold tabular-nums">{Math.abs(d.margin)}</dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-muted">Turnout</dt>
          <dd className="text-2xl font-bold tabular-nums">{percent(d.turnout)}</dd>
        </div>
      </dl>
      <p className="mt-2 text-sm text-muted">
        Tellers apart ({d.totals.tellers.ayes} for the ayes, {d.totals.tellers.noes} for the noes).{' '}
        {d.eligible !== null
          ? `${voted(d.totals)} of the ${d.eligible} members on ${d.heldOn ? formatDay(d.heldOn) : 'the day'} voted, tellers included.`
          : 'Who could vote that day is not recorded.'}{' '}
        {d.totals.abstentions !== null ? `${d.totals.abstentions} abstained. ` : ''}
        {d.deferred ? 'A deferred division: votes cast on paper. ' : ''}
        {d.ballots.some((b) => b.proxy) ? `${d.ballots.filter((b) => b.proxy).length} votes were cast by proxy. ` : ''}
        {d.totals.fromBallots ? 'Counted from the named ballots.' : 'Totals as announced.'}{' '}
        <SourceLink source={d.source} />
      </p>
      {d.warnings.map((w) => (
        <p key={w} role="alert" className="mt-2 rounded bg-red-50 p-2 text-sm text-red-900">
          {w}
        </p>
      ))}
      {d.stage && (
        <p className="mt-2 text-sm">
          Tracked in{' '}
          <Link href={`/campaigns/${d.stage.campaignSlug}/stages/${d.stage.position}`}>
            {d.stage.campaignTitle}: {d.stage.name}
          </Link>{' '}
          (the whip count before the vote, and how it held).
        </p>
      )}
    </section>
  );
}

/** The division's hemicycle as an SVG document: every member a seat coloured by vote, parties as wedges. */
export function voteHemicycleSvg(d: DivisionDetail): string {
  const category = (b: DivisionBallot) =>
    b.vote === 'AYE'
      ? b.teller
        ? 'TELLER_AYE'
        : 'AYE'
      : b.vote === 'NO'
        ? b.teller
          ? 'TELLER_NO'
          : 'NO'
        : (b.vote ?? 'NONE');
  return hemicycleSvg({
    seats: d.ballots.map((b) => ({
      name: b.name,
      party: b.group ?? b.party,
      category: category(b),
      label: voteText(b),
    })),
    order: VOTE_ORDER,
    colours: VOTE_COLOUR,
    title: `How each member voted: ${d.question}`,
  });
}

/**
 * The hemicycle on the division's page: its own file (chamber.svg, see ChamberChart). 650 seats
 * were 60 % of the page's bytes and 40 % of its render time on every view (bench: division page);
 * as a file it is cached with the data version like any page.
 */
export function VoteHemicycle({ d }: { d: DivisionDetail }) {
  const legend: [string, string][] = [
    ['AYE', 'Aye'],
    ['NO', 'No'],
    ['TELLER_AYE', 'Teller (ayes)'],
    ['TELLER_NO', 'Teller (noes)'],
    ['NONE', 'Did not vote'],
  ];
  return (
    <figure className="flex w-full flex-col items-center gap-2">
      <ChamberChart src={`${d.path}/chamber.svg`} label={`How each member voted: ${d.question}`} />
      <figcaption className="flex flex-wrap justify-center gap-3 text-xs">
        {legend.map(([key, label]) => (
          <span key={key} className="flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block h-3 w-3 rounded-full"
              style={{ background: VOTE_COLOUR[key] }}
            />
            {label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** Aye, no, did not vote, tellers, rebels and the line each party took, party by party. */
export function PartySection({ d }: { d: DivisionDetail }) {
  const basis = {
    whip: 'whip',
    'free vote': 'free vote',
    majority: 'majority',
    'split evenly': 'split evenly',
    'no whip': 'no party whip',
  };
  return (
    <Section id="by-party" title="By party">
      <TableShell
        testId="division-parties"
        scrollLabel="Votes by party"
        minWidth="min-w-0"
        columns={['Party', 'Aye', 'No', 'Did not vote', 'Tellers', 'Rebels', 'Line']}
      >
        <TextRows
          rows={d.byParty.map((p) => ({
            key: p.party,
            cells: [
              p.party,
              p.ayes,
              p.noes,
              p.notVoting,
              p.tellers,
              p.rebels,
              p.whip
                ? `${p.whip.whip === 'FREE' ? 'free vote' : `whipped ${p.whip.whip === 'AYE' ? 'aye' : 'no'}`}${p.whip.lines ? ` (${p.whip.lines}-line)` : ''}`
                : p.line
                  ? p.line.line
                    ? `${p.line.line === 'AYE' ? 'aye' : 'no'} (${basis[p.line.basis]})`
                    : basis[p.line.basis]
                  : '—',
            ],
          }))}
        />
      </TableShell>
      <p className="mt-2 text-xs text-muted">
        A rebel voted against their party’s whip where one is recorded, else against the majority of their party’s
        members voting (tellers included); nobody rebels in a free vote, and members with no party whip (independents,
        the Speaker) never do. Parties that sit as one parliamentary party are counted together.
      </p>
    </Section>
  );
}

/** The rebels, party by party, each with how they voted. */
export function RebelList({ d, path }: { d: DivisionDetail; path: string }) {
  const parties = new Map<string, DivisionBallot[]>();
  for (const b of d.rebels)
    parties.set(b.group ?? b.party ?? '', [...(parties.get(b.group ?? b.party ?? '') ?? []), b]);
  return (
    <Section
      id="rebels"
      title={`Rebels (${d.rebels.length})`}
      aside={
        <span className="flex gap-3 text-sm">
          <Link href={`${path}/rebels`}>Rebels on their own</Link>
          <a href={`${path}/rebels.csv`} download>
            CSV
          </a>
        </span>
      }
    >
      {d.rebels.length === 0 ? (
        <p className="text-sm text-muted">Nobody voted against their party.</p>
      ) : (
        <div className="flex flex-col gap-3" data-testid="division-rebels">
          {[...parties].map(([party, members]) => (
            <div key={party}>
              <h3 className="font-semibold">
                {party} ({members.length})
              </h3>
              <ul className="ml-4 list-disc text-sm">
                {members.map((b) => (
                  <li key={b.personId}>
                    <Link href={`/people/${b.slug}`}>{b.name}</Link>
                    {b.party !== party && b.party ? ` (${b.party})` : ''}: {voteText(b).toLowerCase()}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}

// The whip count's member table as a file (issue 24): the rows the page shows, with its filters
// and order, every one of them (not a page of 50), each with what the page says of it. Pure.
import { csvOf } from './csv-out';
import type { WhipMember } from './whip-count';

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

/** The CSV of `members` (already filtered and ordered as the page orders them). `voted`: after a division. */
export function membersCsv(members: WhipMember[], voted: boolean, excel = false): string {
  const header = [
    'person',
    'name',
    'party',
    'constituency',
    'position',
    'since',
    'derived',
    'derived_from',
    'previous_position',
    'previous_until',
    'confidence',
    'quote',
    'note',
    'statement_id',
    ...(voted ? ['forecast', 'vote', 'teller', 'forecast_result', 'rebel'] : []),
    'source_publisher',
    'source_title',
    'source_published_at',
    'source_url',
  ];
  const rows = members.map((m) => {
    const e = m.evidence;
    return [
      m.slug,
      m.name,
      m.party,
      m.constituency,
      m.stand ?? 'UNKNOWN',
      day(m.since),
      e ? (e.derivedFrom !== null ? 'true' : 'false') : null,
      e?.derivedFrom?.slug,
      m.previous?.stand,
      day(m.previous?.until),
      e?.confidence,
      e?.quote,
      e?.note,
      e?.statement?.id,
      ...(voted
        ? [m.forecast ?? 'UNKNOWN', m.vote, m.teller ? 'true' : 'false', m.result, m.rebel ? 'true' : 'false']
        : []),
      e?.source.publisher,
      e?.source.title,
      e?.source.publishedAt ? e.source.publishedAt.toISOString().replace(/\.\d{3}Z$/, 'Z') : null,
      e?.source.url,
    ];
  });
  return csvOf(header, rows, excel);
}

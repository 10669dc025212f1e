import { formatDay } from '@/lib/format';
import { getPerson } from '@/lib/people';
import { shareImage } from '@/lib/share-image';
import { isSlug } from '@/lib/validation';

export const dynamic = 'force-dynamic';

/**
 * GET /people/SLUG/share.png — the card shown when a person's page is shared (1200×630 PNG).
 * Pages name it with the data version in the query (lib/metadata.ts), which this ignores.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return shareImage(`person:${slug}`, async () => {
    const person = isSlug(slug) ? await getPerson(slug) : null;
    if (!person) return null;
    const standing = person.signatures.filter((s) => !s.withdrawnOn);
    const withdrawn = person.signatures.length - standing.length;
    return {
      kicker:
        [
          person.house === 'COMMONS' ? 'MP' : person.house === 'LORDS' ? 'Peer' : null,
          person.party,
          person.constituency,
        ]
          .filter(Boolean)
          .join(' · ') || 'Person',
      title: person.honorific ? `${person.honorific} ${person.name}` : person.name,
      figures: [
        { value: String(standing.length), label: standing.length === 1 ? 'signature standing' : 'signatures standing' },
        {
          value: String(person.statements.length),
          label: person.statements.length === 1 ? 'statement' : 'statements',
          colour: '#15202b',
        },
        ...(withdrawn ? [{ value: String(withdrawn), label: 'withdrawn', colour: '#a14a00' }] : []),
      ],
      lines: standing.slice(0, 3).map((s) => `Signed: ${s.campaign.title}`),
      footer: `As of ${formatDay(new Date())}`,
    };
  });
}

// Every member who may vote as a seat in a hemicycle, parties as wedges (largest on the left),
// each seat coloured by where its member stands. Drawn on the server as SVG: readable before any
// JavaScript, and downloadable like the other charts (ChartFigure).
import { SPECTRUM as ORDER, STAND_LABEL } from '@/lib/decision-rule';
import type { WhipMember } from '@/lib/whip-count';
import { ChamberChart } from '@/components/charts/chamber-chart';
import { SeatReadout } from '@/components/charts/seat-readout';
import { STAND_COLOUR } from './stands';

/** Seat centres of a hemicycle of n seats: rows of growing radius, seats spaced evenly by arc. */
export function hemicycle(n: number): { x: number; y: number; r: number }[] {
  if (n === 0) return [];
  const rows = Math.max(1, Math.min(12, Math.round(Math.sqrt(n / 3.2))));
  const inner = rows === 1 ? 1 : 0.38;
  const radii = Array.from({ length: rows }, (_, i) => (rows === 1 ? 1 : inner + ((1 - inner) * i) / (rows - 1)));
  const total = radii.reduce((a, b) => a + b, 0);
  const perRow = radii.map((r) => Math.max(1, Math.floor((n * r) / total)));
  for (let i = rows - 1; perRow.reduce((a, b) => a + b, 0) < n; i = (i + rows - 1) % rows) perRow[i]!++;
  const seat = rows === 1 ? Math.min(0.08, Math.PI / (2 * n)) : ((1 - inner) / (rows - 1)) * 0.42;
  const seats: { x: number; y: number; r: number; angle: number; radius: number }[] = [];
  radii.forEach((radius, i) => {
    const k = perRow[i]!;
    for (let j = 0; j < k; j++) {
      const angle = k === 1 ? Math.PI / 2 : Math.PI - (Math.PI * j) / (k - 1);
      seats.push({ x: radius * Math.cos(angle), y: radius * Math.sin(angle), r: seat, angle, radius });
    }
  });
  // Left to right, inner to outer: filling in this order makes each group a wedge.
  seats.sort((a, b) => b.angle - a.angle || a.radius - b.radius);
  return seats;
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export interface Seat {
  name: string;
  party: string | null;
  /** What the seat is coloured by: a CSS class, one of `order`. */
  category: string;
  label: string;
}

export interface HemicycleProps {
  seats: Seat[];
  order: readonly string[];
  colours: Record<string, string>;
  title: string;
}

/** The parties' wedges as drawn, left to right: the largest first, ties by name. */
export function partyBlocks(members: { party: string | null }[]): { party: string; seats: number }[] {
  const size = new Map<string, number>();
  for (const m of members) size.set(m.party ?? '', (size.get(m.party ?? '') ?? 0) + 1);
  return [...size]
    .map(([party, seats]) => ({ party, seats }))
    .sort((a, b) => b.seats - a.seats || a.party.localeCompare(b.party));
}

/**
 * Seats in a hemicycle, parties as wedges (largest on the left), within a party in `order`, as
 * one SVG document (names escaped). Written as a string: 650 seats as React elements would be sent
 * twice (as HTML and again in the page's RSC payload, about four times the bytes). A page that
 * can, links it as a file of its own instead (the division page's chamber.svg), so that it is
 * neither rendered nor sent with every view of the page.
 */
export function hemicycleSvg({ seats: members, order, colours, title }: HemicycleProps): string {
  const partySize = new Map(partyBlocks(members).map((b) => [b.party, b.seats]));
  const rank = (s: string) => order.indexOf(s);
  const ordered = [...members].sort(
    (a, b) =>
      partySize.get(b.party ?? '')! - partySize.get(a.party ?? '')! ||
      (a.party ?? '').localeCompare(b.party ?? '') ||
      rank(a.category) - rank(b.category) ||
      a.name.localeCompare(b.name),
  );
  const seats = hemicycle(ordered.length);
  const W = 400;
  const scale = W / 2.2;
  const r = (seats[0]?.r ?? 0).toFixed(4);
  const styles = order.map((s) => `.${s}{fill:${colours[s]}}`).join('');
  const circles = ordered
    .map((m, i) => {
      const seat = seats[i]!;
      return `<circle class="${m.category}" cx="${seat.x.toFixed(3)}" cy="${seat.y.toFixed(3)}" r="${r}"><title>${escape(`${m.name}${m.party ? ` (${m.party})` : ''}: ${m.label}`)}</title></circle>`;
    })
    .join('');
  return (
    `<svg data-chart viewBox="0 0 ${W} ${W * 0.55}" width="100%" role="img" aria-label="${escape(title)}" style="max-width:560px" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escape(title)}</title><style>${styles}</style>` +
    `<g transform="translate(${W / 2} ${W * 0.52}) scale(${scale.toFixed(3)} ${(-scale).toFixed(3)})">${circles}</g></svg>`
  );
}

/** The hemicycle drawn into the page. */
export function Hemicycle(props: HemicycleProps) {
  return <div dangerouslySetInnerHTML={{ __html: hemicycleSvg(props) }} />;
}

/** A whip count's hemicycle: every member who may vote, each seat coloured by where they stand. */
export function whipCountSvg(members: WhipMember[], title: string): string {
  return hemicycleSvg(whipSeats(members, title));
}

const whipSeats = (members: WhipMember[], title: string): HemicycleProps => ({
  seats: members.map((m) => {
    const stand = m.stand ?? 'UNKNOWN';
    return { name: m.name, party: m.party, category: stand, label: STAND_LABEL[stand] };
  }),
  order: ORDER,
  colours: STAND_COLOUR,
  title,
});

/**
 * Every member who may vote, each seat coloured by where its member stands; a tap names the member.
 * With `src` (the stage's chamber.svg, from `whipCountSvg`) the seats are a file of their own, as on
 * the division page: 650 seats were 160 of the whip-count page's 350 kB on every view, once as HTML
 * and again in its RSC payload (issue 26). Without, they are drawn into the page (the embed).
 */
export function ParliamentChart({ members, title, src }: { members: WhipMember[]; title: string; src?: string }) {
  return (
    <SeatReadout hint="Tap or hover over a seat for its member; every member is in the table below.">
      {src ? <ChamberChart src={src} label={title} /> : <Hemicycle {...whipSeats(members, title)} />}
      <p className="text-xs" data-testid="party-blocks">
        <span className="text-muted">Parties, left to right: </span>
        {partyBlocks(members)
          .map((b) => `${b.party || 'No party recorded'} ${b.seats}`)
          .join(' · ')}
      </p>
    </SeatReadout>
  );
}

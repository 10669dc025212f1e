// Reading reported counts: what "more than 140" lets us say for certain. Pure functions.
import type { TallyQualifier } from './generated/prisma/enums';

const WORDS: Record<TallyQualifier, string> = {
  EXACT: '',
  AT_LEAST: 'at least ',
  MORE_THAN: 'more than ',
  ABOUT: 'about ',
  FEWER_THAN: 'fewer than ',
};

/** "more than 140" */
export function describeTally(count: number, qualifier: TallyQualifier): string {
  return `${WORDS[qualifier]}${count.toLocaleString('en-GB')}`;
}

/** The smallest count the report guarantees, or null when it guarantees none ("about", "fewer than"). */
export function guaranteedMinimum(count: number, qualifier: TallyQualifier): number | null {
  switch (qualifier) {
    case 'EXACT':
    case 'AT_LEAST':
      return count;
    case 'MORE_THAN':
      return count + 1;
    default:
      return null;
  }
}

/**
 * The gap between a reported count and the names we hold, in words:
 * "more than 140 reported, 1 named: at least 140 not yet named".
 */
export function describeGap(named: number, tally: { count: number; qualifier: TallyQualifier } | null): string {
  const namedText = `${named.toLocaleString('en-GB')} named`;
  if (!tally) return `${namedText}; no reported count`;
  const reported = `${describeTally(tally.count, tally.qualifier)} reported`;
  const minimum = guaranteedMinimum(tally.count, tally.qualifier);
  if (minimum === null) {
    const gap = tally.count - named;
    return gap > 0
      ? `${reported}, ${namedText}: roughly ${gap.toLocaleString('en-GB')} not yet named`
      : `${reported}, ${namedText}`;
  }
  const gap = minimum - named;
  if (gap <= 0) return `${reported}, ${namedText}: every reported signatory is named`;
  return `${reported}, ${namedText}: at least ${gap.toLocaleString('en-GB')} not yet named`;
}

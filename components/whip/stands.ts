// How each position is drawn: colours in order from for to against, with "not known" pale.
// Client-safe.
import type { StandOrUnknown } from '@/lib/decision-rule';

export const STAND_COLOUR: Record<StandOrUnknown, string> = {
  FOR: '#1a7f37',
  LEANING_FOR: '#7cc48a',
  UNDECIDED: '#d4a72c',
  LEANING_AGAINST: '#e8968c',
  AGAINST: '#b42318',
  WILL_NOT_VOTE: '#57534e',
  UNKNOWN: '#d6d3cb',
};

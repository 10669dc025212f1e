// How names are compared. Pure functions: used by the seeds, the matcher and the forms alike.

/** Styles that precede a name in the press and in rosters, longest first. */
const HONORIFICS = [
  'the rt hon',
  'rt hon',
  'right honourable',
  'the lord',
  'the baroness',
  'sir',
  'dame',
  'lord',
  'lady',
  'baroness',
  'baron',
  'viscount',
  'earl',
  'countess',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'rev',
  'reverend',
];
const HONORIFIC_DISPLAY: Record<string, string> = {
  sir: 'Sir',
  dame: 'Dame',
  lord: 'Lord',
  lady: 'Lady',
  baroness: 'Baroness',
  baron: 'Baron',
  viscount: 'Viscount',
  earl: 'Earl',
  countess: 'Countess',
  dr: 'Dr',
  prof: 'Prof',
  professor: 'Professor',
};
/** Post-nominals and suffixes that follow a name ("Keir Starmer KC", "Jane Doe MP", "Ian Paisley Jnr"). */
const POST_NOMINALS = new Set([
  'mp',
  'qc',
  'kc',
  'mep',
  'msp',
  'ms',
  'am',
  'obe',
  'mbe',
  'cbe',
  'kbe',
  'dbe',
  'pc',
  'frs',
  // Generational suffixes: the roster's "Ian Paisley Jnr" is "Paisley, Ian" in Hansard.
  'jnr',
  'jr',
  'junior',
  'snr',
  'sr',
  'senior',
]);

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface ParsedName {
  /** Lower-case style found before the name ("dame"), if any. */
  honorific: string | null;
  /** Folded words of the name, without honorific, initials or post-nominals. */
  words: string[];
}

/** Splits "Dame Margaret Hodge MP" into its honorific and the words that identify her. */
export function parseName(raw: string): ParsedName {
  let text = fold(raw);
  let honorific: string | null = null;
  for (let again = true; again;) {
    again = false;
    for (const h of HONORIFICS) {
      if (text === h) break;
      if (text.startsWith(h + ' ')) {
        honorific ??= h.replace(/^the /, '').replace(/^rt hon$|^right honourable$/, '') || null;
        text = text.slice(h.length + 1);
        again = true;
        break;
      }
    }
  }
  let words = text.split(' ').filter(Boolean);
  while (words.length > 1 && POST_NOMINALS.has(words[words.length - 1]!)) words = words.slice(0, -1);
  // Middle initials ("Diana R. Johnson") are dropped; a lone initial first name is kept.
  words = words.filter((w, i) => w.length > 1 || i === 0 || i === words.length - 1);
  return { honorific, words };
}

/** The comparable form of a name: "Dame Margaret Hodge" and "Margaret Hodge" give "margaret hodge". */
export function normalizeName(raw: string): string {
  return parseName(raw).words.join(' ');
}

/** The family name as matching uses it: the last word. */
export function familyName(raw: string): string {
  const words = parseName(raw).words;
  return words[words.length - 1] ?? '';
}

/** "Hodge, Dame Margaret" (a roster's sort name) turned back into "Dame Margaret Hodge". */
export function unsortName(sortName: string): string {
  const comma = sortName.indexOf(',');
  if (comma < 0) return sortName.trim();
  return `${sortName.slice(comma + 1).trim()} ${sortName.slice(0, comma).trim()}`.trim();
}

/** The display form of an honorific worth keeping on a person (titles, not Mr/Ms). */
export function displayHonorific(honorific: string | null): string | null {
  return honorific ? (HONORIFIC_DISPLAY[honorific] ?? null) : null;
}

/** A URL slug: "Margaret Hodge" gives "margaret-hodge". */
export function slugify(text: string): string {
  return fold(text).replace(/ /g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '') || 'item';
}

/** A slug proposed from a title as it is typed: slugify's, cut at a word within `max` characters. */
export function proposeSlug(title: string, max = 60): string {
  if (!title.trim()) return '';
  const slug = slugify(title);
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : max);
}

/**
 * The fields of a new person from a name as a source writes it: "Dame Jane Doe MP" gives name
 * "Jane Doe", honorific "Dame", sort name "Doe, Jane". Peers' styles suggest the Lords.
 */
export function personFromWrittenName(written: string) {
  const parsed = parseName(written);
  const name = written
    .trim()
    .replace(
      /^((the\s+)?(rt\.?\s+hon\.?|right honourable)\s+)?((sir|dame|lord|lady|baroness|baron|mr|mrs|ms|miss|mx|dr|prof)\.?\s+)+/i,
      '',
    )
    .replace(/\s+(MP|QC|KC|MEP|MSP|OBE|MBE|CBE|KBE|DBE|PC)$/i, '')
    .trim();
  const words = name.split(/\s+/);
  return {
    name,
    honorific: displayHonorific(parsed.honorific),
    sortName: words.length > 1 ? `${words.at(-1)}, ${words.slice(0, -1).join(' ')}` : name,
    slugBase: slugify(name),
    suggestsLords: ['lord', 'baroness', 'baron', 'viscount', 'earl', 'countess'].includes(parsed.honorific ?? ''),
  };
}

// Reads a division list as Hansard prints it: an "Ayes" block and a "Noes" block of names
// written "Surname, Title Forename (Constituency)", each closed by its tellers ("Tellers for the
// Ayes: Jeff Smith and Mike Kane"), with lines a two-column layout broke apart. Pure: names come
// out as they would be written in prose ("Dame Margaret Hodge"), with their seat where given, for
// the name matcher.

export type Lobby = 'AYE' | 'NO';

export interface DivisionEntry {
  /** The line of the pasted text the name starts on (1-based). */
  line: number;
  lobby: Lobby;
  /** The name as prose writes it, honorifics kept ("Dame Margaret Hodge"). */
  name: string;
  /** The seat in brackets, where Hansard gives one to tell namesakes apart. */
  constituency: string | null;
  teller: boolean;
  /** The text as pasted (joined where it was broken across lines). */
  raw: string;
}

export interface ParsedDivision {
  entries: DivisionEntry[];
  /** Lines that could not be read as a name, a heading or a teller: said to the editor. */
  problems: { line: number; text: string; reason: string }[];
}

const AYES = /^(?:the\s+)?ayes\b[\s:.]*$/i;
const NOES = /^(?:the\s+)?noes\b[\s:.]*$/i;
const TELLERS = /^tellers\s+for\s+the\s+(ayes|noes)\s*:?\s*(.*)$/i;
/** Lines Hansard prints around a list that are not names. */
const FURNITURE = [
  /^division\s+no\.?/i,
  /^\[?\d{1,2}[.:]\d{2}\s*(?:am|pm)\]?$/i,
  /^question\s+(?:accordingly|put|agreed|negatived)/i,
  /^(?:resolved|ordered)\b/i,
  /^the\s+house\s+(?:divided|proceeded)/i,
  /^ayes\s+\d+\s*,?\s*noes\s+\d+/i,
  /^column\s+\d+/i,
  /^page\s+\d+/i,
];
/** A style written between surname and forename in Hansard ("Cooper, rh Yvette"); "rh" is dropped. */
const STYLES = new Set(['rh', 'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lady', 'lord', 'prof']);

/** "Hodge, rh Dame Margaret (Barking)" → { name: "Dame Margaret Hodge", constituency: "Barking" }. */
export function proseName(text: string): { name: string; constituency: string | null } {
  let rest = text.replace(/\s+/g, ' ').trim();
  let constituency: string | null = null;
  const seat = /\(([^()]+)\)\s*$/.exec(rest);
  if (seat) {
    constituency = seat[1]!.trim();
    rest = rest.slice(0, seat.index).trim();
  }
  const comma = rest.indexOf(',');
  if (comma < 0) return { name: rest, constituency };
  const surname = rest.slice(0, comma).trim();
  const forenames = rest
    .slice(comma + 1)
    .trim()
    .split(' ')
    .filter((w) => w && w.toLowerCase() !== 'rh');
  return { name: [...forenames, surname].join(' '), constituency };
}

/** The last word of a line is a style awaiting its forename on the next line ("Bradshaw, rh Mr"). */
const endsInStyle = (text: string) =>
  STYLES.has(
    text
      .split(/[\s,]+/)
      .filter(Boolean)
      .at(-1)
      ?.toLowerCase() ?? '',
  );

/** "Hinds, Mr Damian": a surname, a comma and at least one word after it (a seat in brackets aside). */
const sortedForm = (text: string) => /^[^,()]+,\s*[^\s,()]/.test(text);

export function parseDivisionList(text: string): ParsedDivision {
  const lines = text.split(/\r?\n/);
  const entries: DivisionEntry[] = [];
  const problems: ParsedDivision['problems'] = [];
  let lobby: Lobby | null = null;
  let tellerLobby: Lobby | null = null;
  let tellerText = '';
  let tellerLine = 0;
  let pending: { line: number; text: string } | null = null;

  const flushName = () => {
    if (!pending || !lobby) return;
    const { name, constituency } = proseName(pending.text);
    if (!/[a-z]/i.test(name)) problems.push({ line: pending.line, text: pending.text, reason: 'Not a name.' });
    else entries.push({ line: pending.line, lobby, name, constituency, teller: false, raw: pending.text });
    pending = null;
  };
  const flushTellers = () => {
    if (!tellerLobby || !tellerText.trim()) return;
    for (const part of tellerText
      .split(/\s+and\s+|\s*,\s*|\s*&\s*/i)
      .map((p) => p.trim())
      .filter(Boolean)) {
      const { name, constituency } = proseName(part);
      entries.push({ line: tellerLine, lobby: tellerLobby, name, constituency, teller: true, raw: part });
    }
    tellerText = '';
  };

  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.replace(/\u00a0/g, ' ').trim();
    if (!text) return;
    const tellers = TELLERS.exec(text);
    if (tellers) {
      flushName();
      flushTellers();
      tellerLobby = tellers[1]!.toLowerCase() === 'ayes' ? 'AYE' : 'NO';
      tellerText = tellers[2] ?? '';
      tellerLine = line;
      return;
    }
    if (AYES.test(text) || NOES.test(text)) {
      flushName();
      flushTellers();
      tellerLobby = null;
      lobby = AYES.test(text) ? 'AYE' : 'NO';
      return;
    }
    if (FURNITURE.some((f) => f.test(text))) return;
    if (tellerLobby) {
      // Teller names run on until the list starts again ("Mike Kane" after "Jeff Smith and").
      if (!tellerText || /\band\s*$/i.test(tellerText) || /^and\b/i.test(text)) {
        tellerText = `${tellerText} ${text}`.trim();
        return;
      }
      flushTellers();
      tellerLobby = null;
    }
    if (!lobby) {
      problems.push({ line, text, reason: 'A name before any “Ayes” or “Noes” heading.' });
      return;
    }
    // A line broken across columns: a seat in brackets alone, a name cut after its comma or style.
    // A line in "Surname, Forename" form is a name of its own: "Hermon, Lady" is complete, and
    // "Hinds, Mr Damian" after it is the next member, not the rest of her name (issue 22).
    if (
      pending &&
      (/^\(/.test(text) ||
        /,\s*$/.test(pending.text) ||
        (endsInStyle(pending.text) && !sortedForm(text)) ||
        (/\([^)]*$/.test(pending.text) && /\)/.test(text)))
    ) {
      pending.text = `${pending.text} ${text}`;
      return;
    }
    flushName();
    pending = { line, text };
  });
  flushName();
  flushTellers();
  return { entries, problems };
}

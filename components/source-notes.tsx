import { type Note, NoteLink } from '@/components/note-link';
import { SourceLink } from '@/components/source-link';
import type { SourceRef } from '@/lib/sql';

/**
 * Sources cited once per list (issue 16): a long list's items carry a note number, and the sources
 * are listed once below it. Long lists are sent twice (as HTML and again in the RSC payload), so a
 * citation per item costs every reader twice over; a note number is a few bytes.
 */
export class SourceNotes {
  private readonly numbers = new Map<number, number>();
  readonly sources: SourceRef[] = [];

  /** `idPrefix` names the list's notes on the page (two lists on one page need two prefixes). */
  constructor(
    readonly idPrefix: string,
    sources: Iterable<SourceRef>,
  ) {
    for (const source of sources)
      if (!this.numbers.has(source.id)) {
        this.numbers.set(source.id, this.numbers.size + 1);
        this.sources.push(source);
      }
  }

  number(source: SourceRef): number {
    return this.numbers.get(source.id)!;
  }

  anchor(source: SourceRef): string {
    return `${this.idPrefix}-${source.id}`;
  }

  /** An item's note: its source's number and the link to it. */
  note(source: SourceRef): Note {
    return { n: this.number(source), href: `#${this.anchor(source)}` };
  }
}

/** An item's note number, linking to its source in the list below. */
export function NoteRef({ notes, source }: { notes: SourceNotes; source: SourceRef }) {
  return <NoteLink note={notes.note(source)} />;
}

/** The sources of a list, each once, in order of first use. */
export function SourceNoteList({ notes, title }: { notes: SourceNotes; title: string }) {
  if (notes.sources.length === 0) return null;
  return (
    <div className="text-sm">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-muted">{title}</h3>
      <ol className="mt-1 flex flex-col gap-0.5" data-testid="source-notes">
        {notes.sources.map((source) => (
          <li key={source.id} id={notes.anchor(source)} className="scroll-mt-4">
            [{notes.number(source)}] <SourceLink source={source} />
          </li>
        ))}
      </ol>
    </div>
  );
}

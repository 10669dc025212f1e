'use client';

// The whip count's newest changes, drawn from plain data: a client component so that the RSC
// payload carries each change as a few fields rather than as elements beside the same list's
// HTML (the server still renders it into the HTML). See member-rows.tsx.
import { type Note, NoteLink } from '@/components/note-link';

/** One change, shaped and formatted on the server. */
export interface ChangeItemData {
  on: string;
  slug: string;
  name: string;
  party: string | null;
  from: string;
  to: string;
  derived: boolean;
  /** Its source's note. */
  note: Note;
}

export function ChangeItems({ changes }: { changes: ChangeItemData[] }) {
  return (
    <ol className="flex flex-col gap-1 text-sm" data-testid="whip-changes">
      {changes.map((c, i) => (
        <li key={i}>
          <span className="text-muted">{c.on}</span> — <a href={`/people/${c.slug}`}>{c.name}</a>
          {c.party ? ` (${c.party})` : ''}: {c.from} → <strong>{c.to}</strong>
          {c.derived ? ' (derived from a signature)' : ''} <NoteLink note={c.note} />
        </li>
      ))}
    </ol>
  );
}

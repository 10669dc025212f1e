// An item's note number, linking to its source in the list of sources below the item's list
// (components/source-notes.tsx). No imports: the client-drawn rows of long lists use it too.

/** A note as an item carries it: its number and the link to it. */
export interface Note {
  n: number;
  href: string;
}

export function NoteLink({ note }: { note: Note }) {
  return <a href={note.href}>[{note.n}]</a>;
}

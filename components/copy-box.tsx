'use client';

import { useId, useState } from 'react';

/** Text to copy (embed code, a citation): shown in full, selectable, with a Copy button that says when it worked. */
export function CopyBox({ label, text, rows = 3 }: { label: string; text: string; rows?: number }) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async (area: HTMLTextAreaElement | null) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      // No clipboard access (an insecure origin, a refusal): select it for the reader to copy.
      area?.select();
      setCopied('no');
    }
  };
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        readOnly
        rows={rows}
        value={text}
        className="w-full rounded border border-rule bg-white p-2 font-mono text-xs"
        onFocus={(e) => e.currentTarget.select()}
      />
      <p className="flex items-center gap-2">
        <button
          type="button"
          className="rounded border border-rule bg-white px-3 py-1 text-sm"
          onClick={(e) => copy(e.currentTarget.closest('div')?.querySelector('textarea') ?? null)}
        >
          Copy
        </button>
        <span role="status" className="text-xs text-muted">
          {copied === 'yes' ? 'Copied.' : copied === 'no' ? 'Selected: press Ctrl+C (⌘C) to copy.' : ''}
        </span>
      </p>
    </div>
  );
}

'use client';

import { useEffect } from 'react';

// Unexpected errors inside an embed: the detail to the console (the server logged it), a short
// safe message in the frame.
export default function EmbedError({ error }: { error: Error & { digest?: string } }) {
  useEffect(() => console.error(error), [error]);
  return (
    <div className="embed p-3 text-sm" data-theme="auto" role="alert">
      <p className="font-semibold">The count could not be shown just now.</p>
      <p className="text-muted">Try again in a moment{error.digest ? ` (reference ${error.digest})` : ''}.</p>
    </div>
  );
}

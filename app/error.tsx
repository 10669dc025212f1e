'use client';

import { useEffect } from 'react';

// Unexpected errors: the detail goes to the server log (and the console); the reader sees a
// safe message and a way to try again.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-xl py-12 text-center" role="alert">
      <h1 className="font-serif text-3xl font-bold">Something went wrong</h1>
      <p className="mt-3 text-muted">
        This page could not be shown just now. If the database is unavailable it will come back without anything being lost.
      </p>
      {error.digest && <p className="mt-2 text-xs text-muted">Reference: {error.digest}</p>}
      <button type="button" onClick={reset} className="mt-6 rounded bg-accent px-4 py-2 text-white">
        Try again
      </button>
    </div>
  );
}

'use client';

import { useEffect, useState } from 'react';

// Unexpected errors: the detail goes to the server log (and the console); the reader sees a
// safe message. When the cause is the database being down, say so, and come back by itself
// once /api/health answers again.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [databaseDown, setDatabaseDown] = useState(false);
  useEffect(() => {
    console.error(error);
    let stopped = false;
    const check = async () => {
      const ok = await fetch('/api/health', { cache: 'no-store' })
        .then((r) => r.ok)
        .catch(() => false);
      if (stopped) return;
      setDatabaseDown(!ok);
      if (!ok) setTimeout(() => void check(), 5000);
      else if (databaseDown) reset();
    };
    void check();
    return () => {
      stopped = true;
    };
  }, [error, reset, databaseDown]);
  return (
    <div className="mx-auto max-w-xl py-12 text-center" role="alert">
      <h1 className="font-serif text-3xl font-bold">
        {databaseDown ? 'The database is unavailable' : 'Something went wrong'}
      </h1>
      <p className="mt-3 text-muted">
        {databaseDown
          ? 'Whipcount cannot reach its database just now. Nothing has been lost; this page will reload by itself when it is back.'
          : 'This page could not be shown just now. Please try again; if it keeps happening, the error has been logged.'}
      </p>
      {error.digest && <p className="mt-2 text-xs text-muted">Reference: {error.digest}</p>}
      <button type="button" onClick={reset} className="mt-6 rounded bg-accent px-4 py-2 text-white">
        Try again
      </button>
    </div>
  );
}

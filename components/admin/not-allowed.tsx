import Link from 'next/link';

/** Shown in place of a form the signed-in role may not use. */
export function NotAllowed({ role, needed }: { role: string; needed: string }) {
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h1 className="font-serif text-2xl font-bold">Not allowed</h1>
      <p className="mt-1">
        Your account is a <strong>{role}</strong>; this needs the <strong>{needed}</strong> role. Ask an administrator
        if you need it.
      </p>
      <Link href="/admin" className="mt-2 inline-block">
        Back to admin
      </Link>
    </div>
  );
}

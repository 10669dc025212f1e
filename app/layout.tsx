import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { siteUrl } from '@/lib/site-url';
import './globals.css';

// The document around everything: the site's pages get their header and footer from
// app/(site)/layout.tsx; the embeds (app/embed) are framed by other sites and get none.
export async function generateMetadata(): Promise<Metadata> {
  // Read per request (not at build): the public origin is run-time configuration.
  return { ...METADATA, metadataBase: new URL(siteUrl()) };
}

const METADATA: Metadata = {
  title: { default: 'Whipcount', template: '%s · Whipcount' },
  description: 'Who has signed, what they hold, and how the count stands against the thresholds that matter.',
  openGraph: { siteName: 'Whipcount', type: 'website' },
  twitter: { card: 'summary_large_image' },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, the not-found page too: its scripts must carry the nonce
  // of the answer's Content-Security-Policy (lib/csp.ts), which a page built in advance cannot.
  await connection();
  return (
    <html lang="en-GB">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}

import type { Metadata } from 'next';
import { SiteChrome } from '@/components/site-chrome';

export const metadata: Metadata = {
  alternates: { types: { 'application/atom+xml': [{ url: '/feed.xml', title: 'Whipcount: what changed' }] } },
};

// Every page of the site but the embeds: header, navigation and footer around it.
export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return <SiteChrome>{children}</SiteChrome>;
}

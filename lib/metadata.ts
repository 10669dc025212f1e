// The metadata of a public page as link previews and feed readers see it: title, description,
// Open Graph and Twitter card (the image comes from the segment's opengraph-image route), its
// permanent address, and its Atom feed where it has one.
import type { Metadata } from 'next';

export function pageMetadata({
  title,
  description,
  path,
  feedPath,
  feedTitle,
}: {
  title: string;
  description: string;
  path: string;
  feedPath?: string;
  feedTitle?: string;
}): Metadata {
  return {
    title,
    description,
    alternates: {
      canonical: path,
      ...(feedPath
        ? { types: { 'application/atom+xml': [{ url: feedPath, title: feedTitle ?? `${title}: changes` }] } }
        : {}),
    },
    openGraph: { title, description, url: path, siteName: 'Whipcount', type: 'website' },
    twitter: { card: 'summary_large_image', title, description },
  };
}

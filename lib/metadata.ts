// The metadata of a public page as link previews and feed readers see it: title, description,
// Open Graph and Twitter card, its permanent address, and its Atom feed where it has one.
import type { Metadata } from 'next';

/**
 * The address of a page's share image (the `share.png` route beside it) with the data version and
 * the day in the query: social networks keep an image per URL, so a card whose count has changed
 * must have a new one (issue 24). The route ignores the query.
 */
export function shareImageUrl(path: string, version: bigint | number, day: string) {
  return `${path}/share.png?v=${version}-${day.replaceAll('-', '')}`;
}

export function pageMetadata({
  title,
  description,
  path,
  feedPath,
  feedTitle,
  image,
}: {
  title: string;
  description: string;
  path: string;
  feedPath?: string;
  feedTitle?: string;
  /**
   * The share image: of `path` itself or of the page it belongs to, at the data version `version`,
   * of the size lib/share-image.tsx draws it (`shareImageMeta` gives all of it).
   */
  image?: { path?: string; alt: string; version: bigint | number; day: string; width: number; height: number };
}): Metadata {
  const card = image
    ? {
        images: [
          {
            url: shareImageUrl(image.path ?? path, image.version, image.day),
            alt: image.alt,
            width: image.width,
            height: image.height,
          },
        ],
      }
    : {};
  return {
    title,
    description,
    alternates: {
      canonical: path,
      ...(feedPath
        ? { types: { 'application/atom+xml': [{ url: feedPath, title: feedTitle ?? `${title}: changes` }] } }
        : {}),
    },
    openGraph: { title, description, url: path, siteName: 'Whipcount', type: 'website', ...card },
    twitter: { card: 'summary_large_image', title, description, ...card },
  };
}

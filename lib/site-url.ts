// The site's public origin, for addresses that leave the site: share images, feeds, embed code,
// citations. It is the origin readers use (BETTER_AUTH_URL, which sign-in needs anyway), never the
// request's Host header, which anyone can set and a shared cache would then repeat to everyone.
export function siteUrl(): string {
  const configured = process.env.BETTER_AUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // fall through: a malformed setting is reported by sign-in; addresses use the default
    }
  }
  return `http://localhost:${process.env.PORT ?? 3000}`;
}

/** An absolute address on this site. */
export function absoluteUrl(path: string): string {
  return new URL(path, siteUrl()).toString();
}

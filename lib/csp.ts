// The Content-Security-Policy of every answer (issue 23 §7; docs/decisions/025-content-security-policy.md).
// Scripts run only from this site and only when they carry the nonce made for this one answer:
// proxy.ts makes it per request and hands the policy to Next.js on the request (Next.js reads its
// nonce from there and puts it on every script it writes) and to the browser on the answer. A
// page kept by the page cache is replayed with the policy it was rendered under, the nonce in
// its header matching the one in its scripts. Styles may be inline (Recharts and the hemicycle
// set `style` attributes, which a nonce cannot cover); nothing else is loaded from anywhere else.

/** A fresh nonce: 16 random bytes, base64. */
export function makeNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The policy for an answer with this nonce. `framedBy` is who may frame it: no one, except the
 * embeds, which exist to be framed inside articles (docs/decisions/018-newsroom-reach.md).
 * Development builds need `eval` for React's debugging tools.
 */
export function contentSecurityPolicy(nonce: string, framedBy: "'none'" | '*', development = false): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors ${framedBy}`,
  ].join('; ');
}

// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // pg and the Prisma adapter run as plain Node modules on the server, not bundled.
  serverExternalPackages: ['pg', '@prisma/adapter-pg'],
  poweredByHeader: false,
  // The app server compresses, at a level per kind of answer (scripts/lib/app-server.ts, decision 029).
  compress: false,
  // `npm test` checks the types itself (tsc --noEmit, beside the build): the build does not do it
  // a second time, which saves half a minute of every build, `npm start`'s first one included.
  typescript: { ignoreBuildErrors: true },
  // CSV uploads go through a server action; the import itself refuses files over 20 MB. proxy.ts
  // sees every request, so Next.js buffers bodies for it: that buffer must hold the largest upload
  // too (its default, 10 MB, would cut a bigger file short). lib/action-request.ts says the same.
  experimental: { serverActions: { bodySizeLimit: '21mb' }, proxyClientMaxBodySize: '21mb' },
  async headers() {
    const common = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
      // A window this site opens, or that opens it, gets no handle on the other (browsers apply it over https).
      { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    ];
    // The Content-Security-Policy is made per request, with a nonce for scripts (proxy.ts, lib/csp.ts).
    return [
      // Nothing may be framed by another site (clickjacking)…
      { source: '/:path((?!embed/).*)', headers: [{ key: 'X-Frame-Options', value: 'DENY' }, ...common] },
      // …but the embeds, which exist to be framed inside articles (docs/decisions/018-newsroom-reach.md).
      { source: '/embed/:path*', headers: common },
    ];
  },
};

export default nextConfig;

// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // pg and the Prisma adapter run as plain Node modules on the server, not bundled.
  serverExternalPackages: ['pg', '@prisma/adapter-pg'],
  poweredByHeader: false,
  // CSV uploads go through a server action; the import itself refuses files over 20 MB. proxy.ts
  // sees every request, so Next.js buffers bodies for it: that buffer must hold the largest upload
  // too (its default, 10 MB, would cut a bigger file short). lib/action-request.ts says the same.
  experimental: { serverActions: { bodySizeLimit: '21mb' }, proxyClientMaxBodySize: '21mb' },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          // Scripts stay Next.js's own (it inlines some); the rest of the policy is strict.
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;

// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // pg and the Prisma adapter run as plain Node modules on the server, not bundled.
  serverExternalPackages: ['pg', '@prisma/adapter-pg'],
  poweredByHeader: false,
  // CSV uploads go through a server action; the import itself refuses files over 20 MB.
  experimental: { serverActions: { bodySizeLimit: '21mb' } },
};

export default nextConfig;

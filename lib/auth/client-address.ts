// Who is asking: the client's address as the nearest trusted proxy saw it, keyed for throttling.
// Pure (Node's net only): no database, no server-only.
import net from 'node:net';

/**
 * `WHIPCOUNT_TRUSTED_PROXIES`: unset or 0, the address this app server saw (the last entry of
 * X-Forwarded-For, which scripts/serve.ts appends); a number N, that many reverse proxies in front
 * (the entry N from the end); or a comma-separated list of addresses and CIDRs of trusted proxies
 * (the first entry from the end that is not one of them).
 */
export type TrustedProxies = { hops: number } | { list: net.BlockList };

export function trustedProxies(setting = process.env.WHIPCOUNT_TRUSTED_PROXIES ?? ''): TrustedProxies {
  const text = setting.trim();
  if (!text) return { hops: 0 };
  if (/^\d+$/.test(text)) return { hops: Math.min(Number(text), 10) };
  const list = new net.BlockList();
  for (const entry of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const family = net.isIPv6(address) ? 'ipv6' : net.isIPv4(address) ? 'ipv4' : null;
    if (!family) throw new Error(`WHIPCOUNT_TRUSTED_PROXIES: ${entry} is not an address or CIDR.`);
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return { list };
}

/** The setting as this process has it, parsed once (and again only if the environment changes). */
let parsed: { setting: string; value: TrustedProxies } | null = null;
function configuredProxies(): TrustedProxies {
  const setting = process.env.WHIPCOUNT_TRUSTED_PROXIES ?? '';
  if (parsed?.setting !== setting) parsed = { setting, value: trustedProxies(setting) };
  return parsed.value;
}

const unmap = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

/** The client's address from a request's X-Forwarded-For chain, trusting only the configured proxies. */
export function clientAddress(headers: Headers, trusted: TrustedProxies = configuredProxies()): string {
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => unmap(s.trim()))
    .filter(Boolean);
  if (chain.length === 0) return headers.get('x-real-ip') ?? 'unknown';
  if ('hops' in trusted) return chain[Math.max(0, chain.length - 1 - trusted.hops)]!;
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = chain[i]!;
    const family = net.isIPv6(address) ? 'ipv6' : net.isIPv4(address) ? 'ipv4' : null;
    if (!family || !trusted.list.check(address, family)) return address;
  }
  return chain[0]!;
}

/** The throttling key of an address: IPv4 as it is, IPv6 by its /64 (one subscriber's network). */
export function addressKey(address: string): string {
  if (!net.isIPv6(address)) return address;
  const [head, tail = ''] = address.toLowerCase().split('::') as [string, string?];
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

import { BlockList, isIP } from 'node:net';

/**
 * Which proxies may tell us the client's address through `X-Forwarded-For` (`KOS_TRUST_PROXY`):
 * none (the default: the header is ignored, anyone can forge it), a number of proxy hops in front of
 * the server, or the proxies' addresses/CIDR ranges. See the README's deployment section.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'cidrs'; list: BlockList; text: string };

/** Parses `off`/`false`/`0`, a hop count (`1`), or a comma-separated list of addresses and CIDRs. */
export function parseTrustProxy(raw: string | undefined): TrustProxy | { error: string } {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '' || value === 'off' || value === 'false' || value === '0' || value === 'no') return { kind: 'none' };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= 10 ? { kind: 'hops', hops } : { error: 'a hop count must be from 0 to 10' };
  }
  const list = new BlockList();
  for (const item of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address = '', bits] = item.split('/');
    const family = isIP(address);
    if (family === 0) return { error: `"${item}" is not an IP address or CIDR range` };
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else {
      const prefix = Number(bits);
      if (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128)) return { error: `"${item}" has a bad prefix length` };
      list.addSubnet(address, prefix, type);
    }
  }
  return { kind: 'cidrs', list, text: value };
}

const bare = (address: string): string =>
  address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;

function trusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: the socket's, unless trusted proxies stand in front of it. Walking
 * `X-Forwarded-For` from the right, each trusted hop is skipped; the first untrusted address is the
 * client. Entries that are not IP addresses end the walk (a proxy would never write them).
 */
export function clientAddress(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  trust: TrustProxy,
): string {
  const socket = bare(socketAddress ?? '');
  if (trust.kind === 'none' || forwardedFor === undefined) return socket;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((s) => bare(s.trim()))
    .filter(Boolean);
  let current = socket;
  for (let step = 0; hops.length > 0; step++) {
    const mayTrust = trust.kind === 'hops' ? step < trust.hops : trusted(trust.list, current);
    if (!mayTrust) break;
    const next = hops.pop() as string;
    if (isIP(next) === 0) break;
    current = next;
  }
  return current;
}

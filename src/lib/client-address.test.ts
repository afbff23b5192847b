import { describe, expect, test } from 'vitest';
import { loadConfig } from '../config.js';
import { clientAddress, parseTrustProxy, type TrustProxy } from './client-address.js';

const trust = (raw: string): TrustProxy => {
  const parsed = parseTrustProxy(raw);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
};

describe('client address behind proxies', () => {
  test.each([
    ['off by default: a forged header is ignored', '', '1.2.3.4', '10.0.0.2', '10.0.0.2'],
    ['off: "false" too', 'false', '1.2.3.4', '10.0.0.2', '10.0.0.2'],
    ['one hop: the address the proxy appended', '1', '9.9.9.9, 1.2.3.4', '10.0.0.2', '1.2.3.4'],
    ['two hops: CDN then load balancer', '2', '9.9.9.9, 1.2.3.4, 172.16.0.9', '10.0.0.2', '1.2.3.4'],
    ['more hops than entries: the leftmost entry', '3', '1.2.3.4', '10.0.0.2', '1.2.3.4'],
    ['CIDR: a trusted socket hands over to the header', '10.0.0.0/8', '9.9.9.9, 1.2.3.4', '10.0.0.2', '1.2.3.4'],
    ['CIDR: trusted hops are skipped from the right', '10.0.0.0/8, 172.16.0.0/12', '1.2.3.4, 172.16.0.9', '10.0.0.2', '1.2.3.4'],
    ['CIDR: an untrusted socket keeps its own address', '10.0.0.0/8', '1.2.3.4', '203.0.113.9', '203.0.113.9'],
    ['CIDR: a single address', '127.0.0.1', '1.2.3.4', '127.0.0.1', '1.2.3.4'],
    ['IPv6 CIDR and an IPv4-mapped socket', '::1/128, 10.0.0.0/8', '2001:db8::7', '::ffff:10.0.0.2', '2001:db8::7'],
    ['a non-address entry ends the walk', '1', 'not-an-ip', '10.0.0.2', '10.0.0.2'],
    ['no header: the socket', '1', undefined, '10.0.0.2', '10.0.0.2'],
  ])('%s', (_name, raw, header, socket, expected) => {
    expect(clientAddress(header, socket, trust(raw))).toBe(expected);
  });

  test.each([['11'], ['10.0.0.0/33'], ['example.com'], ['1.2.3.4/x']])(
    'KOS_TRUST_PROXY=%s stops start-up naming the variable',
    (raw) => {
      expect(() =>
        loadConfig({ KOS_TRUST_PROXY: raw, KOS_SECRET: 'a-secret-of-sixteen-chars', KOS_DATABASE_URL: 'sqlite::memory:' }),
      ).toThrow(/^KOS_TRUST_PROXY: /);
    },
  );
});

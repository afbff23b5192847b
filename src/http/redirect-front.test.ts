import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseTrustProxy, type TrustProxy } from '../lib/client-address.js';
import { rawRedirectRequest, redirectRequest } from './redirect-front.js';

/** A request as node's HTTP parser leaves it: the raw header list, the header object built on demand. */
function incoming(rawHeaders: string[], remoteAddress: string): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: remoteAddress });
  const req = new IncomingMessage(socket);
  req.method = 'GET';
  // What node's parser calls with the header list it read (it sets rawHeaders and the count the getter uses).
  (req as unknown as { _addHeaderLines(h: string[], n: number): void })._addHeaderLines(rawHeaders, rawHeaders.length);
  return req;
}

describe('the front door reads the raw header list as node reads it', () => {
  test('same fields as through req.headers, for any names, cases and repeats', () => {
    const names = fc.constantFrom(
      'User-Agent',
      'user-agent',
      'USER-AGENT',
      'Referer',
      'referer',
      'X-Forwarded-For',
      'x-forwarded-for',
      'Accept-Language',
      'accept-language',
      'Accept-Encoding',
      'Connection',
      'Host',
      'User-Agents',
      'Refere',
      'X-Forwarded-Fo',
    );
    const value = fc.oneof(
      fc.constantFrom('203.0.113.7', '10.0.0.1, 198.51.100.2', 'vi-VN', '::ffff:192.0.2.1', ''),
      fc.string(),
    );
    const trusts = ['off', '1', '2', '10.0.0.0/8, 127.0.0.1'].map((t) => parseTrustProxy(t) as TrustProxy);
    fc.assert(
      fc.property(fc.array(fc.tuple(names, value), { maxLength: 8 }), fc.constantFrom(...trusts), (headers, trust) => {
        const raw = headers.flat();
        const viaObject = redirectRequest(incoming(raw, '127.0.0.1'), trust);
        expect(rawRedirectRequest(incoming(raw, '127.0.0.1'), trust)).toEqual(viaObject);
      }),
      { numRuns: 3000 },
    );
  });

  test('first user-agent and referer count; repeated accept-language and x-forwarded-for are joined', () => {
    const raw = ['User-Agent', 'A', 'user-agent', 'B', 'Referer', 'https://a.vn/', 'referer', 'https://b.vn/'].concat([
      'Accept-Language',
      'vi',
      'accept-language',
      'en',
      'X-Forwarded-For',
      '198.51.100.2',
      'x-forwarded-for',
      '203.0.113.7',
    ]);
    const request = rawRedirectRequest(incoming(raw, '127.0.0.1'), parseTrustProxy('2') as TrustProxy);
    expect(request).toEqual({
      method: 'GET',
      ip: '198.51.100.2',
      userAgent: 'A',
      referer: 'https://a.vn/',
      acceptLanguage: 'vi, en',
    });
  });
});

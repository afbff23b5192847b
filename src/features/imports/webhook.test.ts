import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { type SignatureFailure, verifyWebhookSignature } from './webhook.js';

const SECRET = 'whsec-0123456789abcdef';
const BODY = '{"lines":[{"orderId":"WH-1","netMinor":159000}]}';
const NOW_S = 1_793_000_000;
const NOW = NOW_S * 1000 + 999; // late in the second: the window is counted in whole seconds
const TS = String(NOW_S);
const hex = (ts: string, body = BODY, secret = SECRET) => createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
const GOOD = `sha256=${hex(TS)}`;

interface Row {
  name: string;
  body?: string;
  timestamp?: string | undefined;
  signature?: string | undefined;
  secret?: string | null;
}

const check = (row: Row) =>
  verifyWebhookSignature(
    Buffer.from(row.body ?? BODY),
    'timestamp' in row ? row.timestamp : TS,
    'signature' in row ? row.signature : GOOD,
    row.secret === undefined ? SECRET : row.secret,
    NOW,
  );

describe('verifyWebhookSignature', () => {
  const at = (seconds: number, body = BODY): Row => ({
    name: '',
    body,
    timestamp: String(seconds),
    signature: `sha256=${hex(String(seconds), body)}`,
  });
  test.each<Row>([
    { name: 'good' },
    { name: 'uppercase hex', signature: `sha256=${hex(TS).toUpperCase()}` },
    { ...at(NOW_S - 299), name: 'timestamp 299 s old' },
    { ...at(NOW_S + 299), name: 'timestamp 299 s in the future' },
    { ...at(NOW_S - 300), name: 'timestamp exactly 300 s old' },
    { ...at(NOW_S, ''), name: 'empty body' },
  ])('$name → ok, keyed by the lowercase digest', (row) => {
    const timestamp = row.timestamp ?? TS;
    expect(check(row)).toEqual({ ok: true, signature: hex(timestamp, row.body ?? BODY), timestamp: Number(timestamp) });
  });

  test.each<Row & { want: SignatureFailure }>([
    { name: 'wrong secret', signature: `sha256=${hex(TS, BODY, 'not-the-secret-at-all')}`, want: 'signature_mismatch' },
    { name: 'body changed after signing', body: BODY.replace('159000', '1'), want: 'signature_mismatch' },
    { name: 'timestamp changed after signing', timestamp: String(NOW_S - 1), want: 'signature_mismatch' },
    {
      name: 'signed without the timestamp (the old scheme)',
      signature: `sha256=${createHmac('sha256', SECRET).update(BODY).digest('hex')}`,
      want: 'signature_mismatch',
    },
    { ...at(NOW_S - 301), name: 'timestamp 301 s old', want: 'timestamp_outside_window' },
    { ...at(NOW_S + 301), name: 'timestamp 301 s in the future', want: 'timestamp_outside_window' },
    { ...at(NOW_S * 1000), name: 'timestamp in milliseconds', want: 'malformed_timestamp' },
    { name: 'timestamp abc', timestamp: 'abc', want: 'malformed_timestamp' },
    { name: 'timestamp of 13 digits', timestamp: '1793000000000', want: 'malformed_timestamp' },
    { name: 'timestamp -5', timestamp: '-5', want: 'malformed_timestamp' },
    { name: 'timestamp 1e9', timestamp: '1e9', want: 'malformed_timestamp' },
    { name: 'timestamp empty', timestamp: '', want: 'malformed_timestamp' },
    { name: 'timestamp with a space', timestamp: ` ${TS}`, want: 'malformed_timestamp' },
    { name: 'signature not hex', signature: `sha256=${'z'.repeat(64)}`, want: 'malformed_signature' },
    { name: 'signature too short', signature: GOOD.slice(0, -2), want: 'malformed_signature' },
    { name: 'signature too long', signature: `${GOOD}00`, want: 'malformed_signature' },
    { name: 'signature without sha256=', signature: hex(TS), want: 'malformed_signature' },
    { name: 'signature with another algorithm', signature: GOOD.replace('sha256', 'sha1'), want: 'malformed_signature' },
    { name: 'timestamp missing', timestamp: undefined, want: 'missing_timestamp' },
    { name: 'signature missing', signature: undefined, want: 'missing_signature' },
    { name: 'both headers missing', timestamp: undefined, signature: undefined, want: 'unsigned' },
    { name: 'the org has no secret', secret: null, want: 'no_secret' },
    { name: 'the org secret is empty', secret: '', want: 'no_secret' },
  ])('$name → $want', (row) => {
    expect(check(row)).toEqual({ ok: false, failure: row.want });
  });
});

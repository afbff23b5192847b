import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { clickPayload, decodeRecords, encodeRecord, linkFieldsJson, segmentName, segmentNumber } from './click-log-format.js';
import type { PendingClick } from './click-writer.js';

const click = (i: number, over: Partial<PendingClick> = {}): PendingClick => ({
  clickId: `click${String(i).padStart(7, '0')}`,
  orgId: 'org-1',
  linkId: 'link-1',
  kosId: 'kos-1',
  timezone: 'Asia/Ho_Chi_Minh',
  at: 1_764_000_000_000 + i,
  ip: '2001:db8::1',
  userAgent: 'Mozilla/5.0 (iPhone) Zalo iOS/23.09 — “ngày”',
  referer: undefined,
  ...over,
});

const encodeAll = (clicks: PendingClick[]): Buffer => {
  const buffer = Buffer.alloc(64 * 1024);
  let at = 0;
  for (const c of clicks) at = encodeRecord(buffer, at, c);
  return buffer.subarray(0, at);
};

describe('click log records', () => {
  test('the payload is exactly what JSON.stringify writes, whatever the fields hold (both paths)', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('a"b', 'a\\b', 'x\u0001y', '\ud800', '\ud83d\ude00'),
    );
    const header = fc.option(text, { nil: undefined });
    fc.assert(
      fc.property(
        text,
        text,
        text,
        text,
        fc.integer({ min: 0 }),
        header,
        header,
        (clickId, orgId, kosId, ip, at, userAgent, referer) => {
          const c = { clickId, orgId, linkId: 'link-1', kosId, timezone: 'Asia/Ho_Chi_Minh', at, ip, userAgent, referer };
          const expected = JSON.stringify([
            clickId,
            orgId,
            'link-1',
            kosId,
            c.timezone,
            at,
            ip,
            userAgent ?? null,
            referer ?? null,
          ]);
          expect(clickPayload(c)).toBe(expected);
          // The redirect hands the link's fields serialised once per cached link: the same bytes.
          expect(clickPayload({ ...c, linkJson: linkFieldsJson(c) })).toBe(expected);
          const record = encodeAll([{ ...c, linkJson: linkFieldsJson(c) }]);
          expect(decodeRecords(record).clicks).toEqual([c]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('round-trip every field, missing headers and non-ASCII text included', () => {
    const clicks = [click(1), click(2, { userAgent: undefined, referer: 'https://www.tiktok.com/@a' })];
    const decoded = decodeRecords(encodeAll(clicks));
    expect(decoded).toEqual({ clicks, used: encodeAll(clicks).length, damaged: false });
  });

  test('a torn last record (a crash mid-write) is not read, and the records before it are', () => {
    const whole = encodeAll([click(1), click(2), click(3)]);
    const firstTwo = encodeAll([click(1), click(2)]).length;
    for (const cut of [firstTwo + 3, firstTwo + 8, whole.length - 1]) {
      const decoded = decodeRecords(whole.subarray(0, cut));
      expect(decoded.clicks.map((c) => c.clickId)).toEqual([click(1).clickId, click(2).clickId]);
      expect(decoded.used).toBe(firstTwo);
      expect(decoded.damaged).toBe(false);
    }
  });

  test('a record whose bytes changed, or zeros where a record should be, end the readable part as damaged', () => {
    const data = Buffer.from(encodeAll([click(1), click(2)]));
    const first = encodeAll([click(1)]).length;
    data[first + 20] = (data[first + 20] as number) ^ 0xff;
    expect(decodeRecords(data)).toMatchObject({ used: first, damaged: true });
    expect(decodeRecords(Buffer.concat([encodeAll([click(1)]), Buffer.alloc(32)]))).toMatchObject({ used: first, damaged: true });
  });

  test('reads at most the asked number of records', () => {
    const data = encodeAll([click(1), click(2), click(3)]);
    const decoded = decodeRecords(data, 2);
    expect(decoded.clicks).toHaveLength(2);
    expect(decodeRecords(data.subarray(decoded.used)).clicks).toEqual([click(3)]);
  });

  test('encode answers -1 when the buffer may be too small', () => {
    expect(encodeRecord(Buffer.alloc(40), 0, click(1))).toBe(-1);
  });

  test('segment names sort by number', () => {
    expect(segmentName(1)).toBe('000001.log');
    expect(segmentNumber('000042.log')).toBe(42);
    expect(segmentNumber('lock')).toBeNull();
  });
});

import { crc32 } from 'node:zlib';
import type { PendingClick } from './click-writer.js';

/**
 * The record format of the click log (docs/clicks.md "Log format"): each click is
 * `u32 LE payload length | u32 LE CRC-32 of the payload | payload`, the payload a JSON array of the
 * click's fields. A record cut short by a crash, or whose checksum does not match, ends the readable
 * part of a segment.
 */
export const HEADER_BYTES = 8;
/** A record longer than this is not a click (a header is at most a few KB): the segment is damaged there. */
export const MAX_RECORD_BYTES = 64 * 1024;

/** Segment file name of a segment number: `000001.log`. */
export const segmentName = (n: number) => `${String(n).padStart(6, '0')}.log`;

/** The segment number of a file name, or null for any other file. */
export function segmentNumber(name: string): number | null {
  const match = /^(\d{6,})\.log$/.exec(name);
  return match ? Number(match[1]) : null;
}

/** Printable ASCII but `"` and `\`: text JSON writes as it is, one byte per character in UTF-8. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** The link's four fields of a record (orgId, linkId, kosId, timezone) as JSON array items. */
export const linkFieldsJson = (c: Pick<PendingClick, 'orgId' | 'linkId' | 'kosId' | 'timezone'>): string =>
  `${JSON.stringify(c.orgId)},${JSON.stringify(c.linkId)},${JSON.stringify(c.kosId)},${JSON.stringify(c.timezone)}`;

/** The last click time and its text: many clicks share a millisecond, and a time is a heap number to format. */
let lastAt = Number.NaN;
let lastAtText = '';

/**
 * The fields of a click in record order, as the JSON array `JSON.stringify` writes (a missing header is
 * `null`). This runs on the serving thread for every redirect, so the common case — the click's own text
 * fields plain ASCII, the link's fields serialised once per cached link (`linkJson`) — is plain
 * concatenation; anything else takes JSON.stringify (docs/clicks.md "Log format"; a test holds both paths
 * equal to it).
 */
export function clickPayload(c: PendingClick): string {
  const ua = c.userAgent;
  const ref = c.referer;
  if (
    PLAIN.test(c.clickId) &&
    PLAIN.test(c.ip) &&
    Number.isFinite(c.at) &&
    (ua === undefined || PLAIN.test(ua)) &&
    (ref === undefined || PLAIN.test(ref))
  ) {
    if (c.at !== lastAt) {
      lastAt = c.at;
      lastAtText = String(c.at);
    }
    const tail = `${ua === undefined ? 'null' : `"${ua}"`},${ref === undefined ? 'null' : `"${ref}"`}]`;
    return `["${c.clickId}",${c.linkJson ?? linkFieldsJson(c)},${lastAtText},"${c.ip}",${tail}`;
  }
  return JSON.stringify([c.clickId, c.orgId, c.linkId, c.kosId, c.timezone, c.at, c.ip, ua ?? null, ref ?? null]);
}

/**
 * Writes one record at `at` in `buffer` and answers the offset after it, or -1 when it may not fit
 * (the caller flushes or grows the buffer first). UTF-8 takes at most 3 bytes per UTF-16 unit.
 */
export function encodeRecord(buffer: Buffer, at: number, click: PendingClick): number {
  const payload = clickPayload(click);
  if (at + HEADER_BYTES + payload.length * 3 > buffer.length) return -1;
  const length = buffer.write(payload, at + HEADER_BYTES, 'utf8');
  if (length > MAX_RECORD_BYTES) throw new RangeError('a click record is too long');
  buffer.writeUInt32LE(length, at);
  // One byte per character: the payload's UTF-8 is its own text, checksummed without a view of the buffer.
  const sum = length === payload.length ? crc32(payload) : crc32(buffer.subarray(at + HEADER_BYTES, at + HEADER_BYTES + length));
  buffer.writeUInt32LE(sum, at + 4);
  return at + HEADER_BYTES + length;
}

const str = (v: unknown): string => {
  if (typeof v !== 'string') throw new TypeError('bad field');
  return v;
};
const optional = (v: unknown): string | undefined => (v === null ? undefined : str(v));

function decodePayload(text: string): PendingClick {
  const f = JSON.parse(text) as unknown[];
  if (!Array.isArray(f) || f.length !== 9 || typeof f[5] !== 'number') throw new TypeError('bad record');
  return {
    clickId: str(f[0]),
    orgId: str(f[1]),
    linkId: str(f[2]),
    kosId: str(f[3]),
    timezone: str(f[4]),
    at: f[5],
    ip: str(f[6]),
    userAgent: optional(f[7]),
    referer: optional(f[8]),
  };
}

export interface Decoded {
  clicks: PendingClick[];
  /** Bytes of `data` taken by whole, valid records: where the next read starts. */
  used: number;
  /** True when bytes past `used` are not a valid record (damaged), rather than just not written yet. */
  damaged: boolean;
}

/** Reads the whole, valid records at the start of `data`, at most `max` of them. */
export function decodeRecords(data: Buffer, max = Number.POSITIVE_INFINITY): Decoded {
  const clicks: PendingClick[] = [];
  let at = 0;
  while (clicks.length < max && at + HEADER_BYTES <= data.length) {
    const length = data.readUInt32LE(at);
    if (length === 0 || length > MAX_RECORD_BYTES) return { clicks, used: at, damaged: true };
    const end = at + HEADER_BYTES + length;
    if (end > data.length) break;
    const payload = data.subarray(at + HEADER_BYTES, end);
    if (crc32(payload) !== data.readUInt32LE(at + 4)) return { clicks, used: at, damaged: true };
    try {
      clicks.push(decodePayload(payload.toString('utf8')));
    } catch {
      return { clicks, used: at, damaged: true };
    }
    at = end;
  }
  return { clicks, used: at, damaged: false };
}

// Test support: a tiny zip writer, so tests can build workbooks with any part order and hostile archives.
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** Raw deflate bytes with the size and CRC they inflate to (CRC 0 when a test does not care). */
export interface Deflated {
  bytes: Buffer;
  size: number;
  crc: number;
}

/** One part of a zip: its text or bytes (deflated here), or bytes deflated already. */
export interface FixtureEntry {
  name: string;
  data?: string | Uint8Array;
  deflated?: Deflated;
  /** The uncompressed size the directory declares, when a test wants it to lie. */
  declaredSize?: number;
}

/** Deflates `data` into a zip entry's payload. */
export function deflate(data: string | Uint8Array): Deflated {
  const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
  return { bytes: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/**
 * A deflate stream that inflates to `head`, then `times` × `unit`, then `tail`, built without ever holding the
 * inflated bytes: each piece ends with a full flush (byte-aligned, no references back), so a piece may be repeated.
 * Repeated text compresses about 1000:1, which is what makes a zip bomb small.
 */
export function repeatedDeflate(head: string, unit: string, times: number, tail: string): Deflated {
  const flushed = (text: string) => deflateRawSync(Buffer.from(text), { finishFlush: constants.Z_FULL_FLUSH });
  const block = flushed(unit);
  const pieces = [flushed(head), ...Array.from({ length: times }, () => block), deflateRawSync(Buffer.from(tail))];
  const size = Buffer.byteLength(head) + Buffer.byteLength(unit) * times + Buffer.byteLength(tail);
  return { bytes: Buffer.concat(pieces), size, crc: 0 };
}

/** A zip archive of the entries, in the given order (the order a reader meets them when it streams). */
export function zipOf(entries: readonly FixtureEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { bytes, size, crc } = entry.deflated ?? deflate(entry.data ?? '');
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(bytes.length, 18);
    local.writeUInt32LE(Math.min(entry.declaredSize ?? size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(bytes.length, 20);
    header.writeUInt32LE(Math.min(entry.declaredSize ?? size, 0xffffffff), 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, bytes);
    central.push(header, name);
    offset += local.length + name.length + bytes.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

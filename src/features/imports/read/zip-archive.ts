import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';

// A reader of zip archives from their central directory (PKWARE APPNOTE.TXT, sections 4.3 and 4.5): it
// knows every part's declared size before inflating anything and reads parts in any order.

/** One file of the archive, as the central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** The uncompressed size the directory declares (may lie: `entryChunks` holds it to that). */
  size: number;
  localOffset: number;
}

export interface ZipArchive {
  path: string;
  fileSize: number;
  entries: ZipEntry[];
  /** The entry of a part name, compared as OPC does: case-insensitive, without a leading `/`. */
  find(name: string): ZipEntry | undefined;
}

const END_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_END_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_COMMENT = 0xffff;
const CUT_SHORT = 'the file ends early — it was cut short or is not a whole .xlsx';

/** A normalised part name: forward slashes, no leading slash, lower case. */
export const partKey = (name: string) => name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();

async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const u64 = (buffer: Buffer, at: number) => Number(buffer.readBigUInt64LE(at));

/** Where the central directory is and how many entries it holds, from the end record (or its ZIP64 form). */
async function locateDirectory(path: string, fileSize: number): Promise<{ offset: number; size: number; count: number }> {
  const tailStart = Math.max(0, fileSize - 22 - MAX_COMMENT);
  const tail = await readAt(path, tailStart, fileSize - tailStart);
  let at = tail.length - 22;
  while (at >= 0 && tail.readUInt32LE(at) !== END_SIGNATURE) at--;
  if (at < 0) throw new Error(CUT_SHORT);
  let count = tail.readUInt16LE(at + 10);
  let size = tail.readUInt32LE(at + 12);
  let offset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    if (at < 20 || tail.readUInt32LE(at - 20) !== ZIP64_LOCATOR_SIGNATURE) throw new Error(CUT_SHORT);
    const record = await readAt(path, u64(tail, at - 12), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_END_SIGNATURE) throw new Error(CUT_SHORT);
    count = u64(record, 32);
    size = u64(record, 40);
    offset = u64(record, 48);
  }
  if (offset + size > tailStart + at) throw new Error(CUT_SHORT);
  return { offset, size, count };
}

/** Reads the central directory of a zip file (nothing is inflated). */
export async function openZip(path: string): Promise<ZipArchive> {
  const handle = await open(path, 'r');
  const fileSize = (await handle.stat()).size;
  await handle.close();
  const directory = await locateDirectory(path, fileSize);
  const bytes = await readAt(path, directory.offset, directory.size);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < directory.count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new Error('its zip directory is damaged');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const flags = bytes.readUInt16LE(at + 8);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      name: nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1'),
      method: bytes.readUInt16LE(at + 10),
      flags,
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
    };
    applyZip64(entry, bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at += 46 + nameLength + extraLength + bytes.readUInt16LE(at + 32);
  }
  const byName = new Map(entries.map((e) => [partKey(e.name), e]));
  return { path, fileSize, entries, find: (name) => byName.get(partKey(name)) };
}

/** Sizes and offsets too big for 32 bits are 0xFFFFFFFF in the directory, the real values in the ZIP64 extra field. */
function applyZip64(entry: ZipEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ['size', 'compressedSize', 'localOffset'] as const) {
        if (entry[key] !== 0xffffffff) continue;
        if (field + 8 > at + 4 + length) throw new Error('its zip directory is damaged');
        entry[key] = u64(extra, field);
        field += 8;
      }
      return;
    }
    at += 4 + length;
  }
}

/**
 * The uncompressed bytes of an entry, streamed. Inflation stops with an error as soon as the output passes the
 * size the directory declares, so a lying directory cannot make a small file unpack to gigabytes.
 */
export async function* entryChunks(zip: ZipArchive, entry: ZipEntry): AsyncGenerator<Buffer> {
  if (entry.flags & 0x1) throw new Error(`${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw new Error(`${entry.name} uses an unsupported compression method`);
  const local = await readAt(zip.path, entry.localOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new Error(CUT_SHORT);
  const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (start + entry.compressedSize > zip.fileSize) throw new Error(CUT_SHORT);
  if (entry.compressedSize === 0) {
    if (entry.size !== 0) throw new Error(CUT_SHORT);
    return;
  }
  // Small reads keep what one compressed chunk can inflate to small (deflate tops out near 1032:1).
  const file = createReadStream(zip.path, { start, end: start + entry.compressedSize - 1, highWaterMark: 16 * 1024 });
  const source = entry.method === 8 ? pipeline(file, createInflateRaw(), () => {}) : file;
  let total = 0;
  let crc = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.size) {
        throw new Error(`${entry.name} unpacks to more than the ${megabytes(entry.size)} its zip directory declares`);
      }
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } finally {
    source.destroy();
  }
  if (total !== entry.size) throw new Error(`${entry.name} unpacks to less than its zip directory declares: it was cut short`);
  if (crc !== entry.crc) throw new Error(`${entry.name} is damaged (its checksum does not match)`);
}

/** Bytes as whole megabytes, rounded up (`1 MB`), for messages. */
export const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;

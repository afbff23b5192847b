import { type XmlHandler, XmlScanner } from './xml-scanner.js';
import { entryChunks, type ZipArchive, type ZipEntry } from './zip-archive.js';

/** The text of an XML part, streamed: UTF-8, or UTF-16 when it starts with a byte-order mark (XML 1.0 §4.3.3). */
export async function* partText(zip: ZipArchive, entry: ZipEntry): AsyncGenerator<string> {
  let decoder: InstanceType<typeof TextDecoder> | null = null;
  for await (const chunk of entryChunks(zip, entry)) {
    if (!decoder) {
      const utf16 =
        chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : null;
      decoder = new TextDecoder(utf16 ?? 'utf-8', { fatal: true });
    }
    yield decoder.decode(chunk, { stream: true });
  }
  const rest = decoder?.decode() ?? '';
  if (rest) yield rest;
}

/** Runs a whole part through a handler (for the parts read before the sheet: rels, workbook, styles, strings). */
export async function scanPart(zip: ZipArchive, entry: ZipEntry, handler: XmlHandler): Promise<void> {
  const scanner = new XmlScanner(handler, entry.name);
  for await (const text of partText(zip, entry)) scanner.feed(text);
  scanner.end();
}

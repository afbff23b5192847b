import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/**
 * The staged rows' temporary file (docs/imports.md, "Speed"): texts without line breaks, one a line,
 * written and read back through one reused 32 KB buffer with synchronous calls. The file is local and
 * private to the import, which runs on the background thread, never on the one serving requests; a
 * write to it lands in the page cache, so waiting on the thread pool for each piece cost more than it.
 * Pieces stay small: a longer text lands in V8's large-object space, which only a full GC frees.
 */
const PIECE = 32 * 1024;

export class StagedFileWriter {
  private readonly fd: number;
  private buffer = Buffer.allocUnsafe(PIECE);
  private used = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  /** Appends one text (with no line break in it) and a line break. */
  line(text: string): void {
    // A UTF-16 unit takes at most 3 bytes of UTF-8.
    const most = text.length * 3 + 1;
    if (this.used + most > this.buffer.length) {
      this.flush();
      if (most > this.buffer.length) this.buffer = Buffer.allocUnsafe(most);
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
    this.buffer[this.used++] = 0x0a;
  }

  /** Writes what is left and closes the file. */
  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }

  private flush(): void {
    let done = 0;
    while (done < this.used) done += writeSync(this.fd, this.buffer, done, this.used - done);
    this.used = 0;
    if (this.buffer.length > PIECE) this.buffer = Buffer.allocUnsafe(PIECE);
  }
}

/** The lines of a staged file, in order (a line longer than a piece grows the buffer for it). */
export function* stagedFileLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(PIECE);
    let filled = 0;
    for (;;) {
      const read = readSync(fd, buffer, filled, buffer.length - filled, null);
      filled += read;
      const last = filled === 0 ? -1 : buffer.lastIndexOf(0x0a, filled - 1);
      if (last === -1) {
        if (read === 0) {
          if (filled > 0) yield buffer.toString('utf8', 0, filled);
          return;
        }
        if (filled === buffer.length) {
          const grown = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(grown, 0, 0, filled);
          buffer = grown;
        }
        continue;
      }
      // Each line decoded on its own: a string of one row, not a slice of the piece's text, which would stay
      // alive (and, read among many runs, old) until every row of the piece had been taken.
      let start = 0;
      for (let end = buffer.indexOf(0x0a, start); end !== -1 && end <= last; end = buffer.indexOf(0x0a, start)) {
        yield buffer.toString('utf8', start, end);
        start = end + 1;
      }
      buffer.copy(buffer, 0, last + 1, filled);
      filled -= last + 1;
      if (buffer.length > PIECE && filled <= PIECE) {
        const small = Buffer.allocUnsafe(PIECE);
        buffer.copy(small, 0, 0, filled);
        buffer = small;
      }
    }
  } finally {
    closeSync(fd);
  }
}

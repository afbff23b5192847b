import {
  closeSync,
  fdatasync,
  fdatasyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  write,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { encodeRecord, segmentName, segmentNumber } from './click-log-format.js';
import type { ClickSink } from './click-sink.js';
import type { PendingClick } from './click-writer.js';

/** `batch`: fdatasync after every batch write; `off`: leave it to the OS (docs/clicks.md "fsync policy"). */
export type ClickFsync = 'batch' | 'off';

export interface ClickLogOptions {
  /** The longest a click waits in memory before its batch is written. */
  batchMs?: number;
  /** A batch is written as soon as it holds this many clicks. */
  batchClicks?: number;
  fsync?: ClickFsync;
  /** A new segment starts once the current one is past this size. */
  segmentBytes?: number;
  onError?: (error: unknown) => void;
}

/** Past this many bytes written-but-not-yet-on-disk, `push` returns a promise (back-pressure). */
const MAX_BACKLOG = 64 * 1024 * 1024;

const writeAsync = (fd: number, data: Buffer, from: number) =>
  new Promise<number>((resolve, reject) =>
    write(fd, data, from, data.length - from, null, (error, n) => (error ? reject(error) : resolve(n))),
  );
const syncAsync = (fd: number) => new Promise<void>((resolve, reject) => fdatasync(fd, (e) => (e ? reject(e) : resolve())));

/**
 * The serving thread's side of the click log (docs/clicks.md): each click is encoded into a
 * preallocated buffer; every `batchMs` (or `batchClicks` clicks) the buffer goes to the current segment
 * in one write, on libuv's thread pool, never blocking the event loop. One instance owns its folder.
 */
export class ClickLog implements ClickSink {
  private buffer: Buffer;
  private used = 0;
  private count = 0;
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private backlog = 0;
  private fd: number;
  private segment: number;
  private size = 0;
  private closed = false;
  private readonly opts: Required<Omit<ClickLogOptions, 'onError'>> & Pick<ClickLogOptions, 'onError'>;
  /** Clicks handed to the OS so far. */
  written = 0;

  constructor(
    readonly dir: string,
    options: ClickLogOptions = {},
  ) {
    this.opts = { batchMs: 50, batchClicks: 4096, fsync: 'batch', segmentBytes: 16 * 1024 * 1024, ...options };
    this.buffer = Buffer.allocUnsafe(1024 * 1024);
    mkdirSync(dir, { recursive: true });
    takeFolder(dir);
    // Never append to a segment of an earlier run: its last record may be torn. A fresh one seals it.
    const last = Math.max(0, ...readdirSync(dir).map((name) => segmentNumber(name) ?? 0));
    this.segment = last + 1;
    this.fd = openSync(join(dir, segmentName(this.segment)), 'a');
  }

  push(click: PendingClick): Promise<void> | undefined {
    if (this.closed) throw new Error('the click log is closed');
    let next = encodeRecord(this.buffer, this.used, click);
    if (next < 0) {
      this.flush();
      if (this.buffer.length < 64 * 1024 + 8) this.buffer = Buffer.allocUnsafe(1024 * 1024);
      next = encodeRecord(this.buffer, this.used, click);
    }
    this.used = next;
    this.count += 1;
    if (this.count >= this.opts.batchClicks) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.opts.batchMs);
    return this.backlog > MAX_BACKLOG ? this.chain : undefined;
  }

  /** Hands the current batch to the writer; resolves when it (and every batch before it) is written. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.used > 0) {
      const data = Buffer.from(this.buffer.subarray(0, this.used));
      const clicks = this.count;
      this.used = 0;
      this.count = 0;
      this.backlog += data.length;
      this.chain = this.chain.then(() => this.writeBatch(data, clicks));
    }
    return this.chain;
  }

  /** Writes what is buffered, syncs and closes the segment (a graceful stop loses nothing). */
  async close(): Promise<void> {
    if (this.closed) return this.chain;
    await this.flush();
    this.closed = true;
    try {
      fdatasyncSync(this.fd);
    } finally {
      closeSync(this.fd);
      rmSync(join(this.dir, 'lock'), { force: true });
    }
  }

  private async writeBatch(data: Buffer, clicks: number): Promise<void> {
    // A failed write is retried on the next batch until it goes; the clicks stay in memory meanwhile.
    for (let from = 0, attempt = 0; from < data.length; ) {
      try {
        from += await writeAsync(this.fd, data, from);
      } catch (error) {
        this.opts.onError?.(error);
        await new Promise((resolve) => setTimeout(resolve, Math.min(++attempt * 100, 2000)));
      }
    }
    if (this.opts.fsync === 'batch') await syncAsync(this.fd).catch((error) => this.opts.onError?.(error));
    this.backlog -= data.length;
    this.written += clicks;
    this.size += data.length;
    if (this.size >= this.opts.segmentBytes && !this.closed) this.rotate();
  }

  private rotate(): void {
    closeSync(this.fd);
    this.segment += 1;
    this.size = 0;
    this.fd = openSync(join(this.dir, segmentName(this.segment)), 'a');
  }
}

/** Another live process writes this click folder: each process needs its own (KOS_INSTANCE). */
export class ClickFolderInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(`the click log folder ${dir} is in use by process ${pid}: give each process its own KOS_INSTANCE`);
    this.name = 'ClickFolderInUseError';
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Claims the folder with a `lock` file naming this process; a lock left by a dead process is taken over. */
function takeFolder(dir: string): void {
  const lock = join(dir, 'lock');
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number(readFileSync(lock, 'utf8').trim());
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
    throw new ClickFolderInUseError(dir, holder);
  }
  writeFileSync(lock, String(process.pid));
}

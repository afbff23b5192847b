import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const fromSource = import.meta.url.endsWith('.ts');

/**
 * Starts a worker thread running `moduleUrl` (a `.js` URL next to the caller). From TypeScript source
 * (tests, tsx) the module is the `.ts` file, loaded through scripts/ts-thread.mjs, which registers tsx
 * in the new thread; a built server runs the `.js` file itself.
 */
export function startThread(moduleUrl: URL, workerData: object): Worker {
  if (!fromSource) return new Worker(moduleUrl, { workerData });
  const entry = new URL(moduleUrl.href.replace(/\.js$/, '.ts'));
  const boot = new URL('../../scripts/ts-thread.mjs', import.meta.url);
  return new Worker(fileURLToPath(boot), { workerData: { ...workerData, __entry: entry.href } });
}

type Pending = { resolve(value: unknown): void; reject(error: unknown): void };

/** A request to a thread and its answer: `{id, method, payload}` → `{id, ok, value | error}`. */
export interface ThreadRequest {
  id: number;
  method: string;
  payload: unknown;
}
export type ThreadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerialisedError };

/** An error as it crosses a thread boundary (structured clone keeps only plain data). */
export interface SerialisedError {
  message: string;
  code?: string;
  /** A DomainError's problem key and params (docs/errors.md). */
  key?: string;
  params?: unknown;
  errors?: { path: string; message: string }[];
  stack?: string;
}

/** Calls methods of a worker thread and matches answers to calls; a dead thread rejects every call. */
export class ThreadClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private dead: Error | null = null;

  constructor(
    readonly worker: Worker,
    private readonly decodeError: (error: SerialisedError) => Error,
    onEvent: (event: unknown) => void = () => {},
  ) {
    worker.on('message', (message: ThreadReply | { event: unknown }) => {
      if ('event' in message) return onEvent(message.event);
      const call = this.pending.get(message.id);
      if (!call) return;
      this.pending.delete(message.id);
      if (message.ok) call.resolve(message.value);
      else call.reject(this.decodeError(message.error));
    });
    const fail = (error: Error) => {
      this.dead = error;
      for (const call of this.pending.values()) call.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`worker thread exited (code ${code})`)));
  }

  call<T>(method: string, payload: unknown, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, method, payload } satisfies ThreadRequest, transfer);
    });
  }

  /** Posts without waiting for an answer (fire and forget, in order with calls). */
  post(method: string, payload: unknown): void {
    if (!this.dead) this.worker.postMessage({ id: 0, method, payload } satisfies ThreadRequest);
  }

  get alive(): boolean {
    return this.dead === null;
  }
}

/** Serialises an error for the other side of a thread boundary. */
export function serialiseError(error: unknown): SerialisedError {
  if (error instanceof Error) {
    const withCode = error as Error & { code?: unknown; key?: unknown; params?: unknown; errors?: SerialisedError['errors'] };
    return {
      message: error.message,
      ...(typeof withCode.code === 'string' ? { code: withCode.code } : {}),
      ...(typeof withCode.key === 'string' ? { key: withCode.key, params: withCode.params } : {}),
      ...(Array.isArray(withCode.errors) ? { errors: withCode.errors } : {}),
      ...(error.stack ? { stack: error.stack } : {}),
    };
  }
  return { message: String(error) };
}

/**
 * Lowers the calling thread's scheduling priority (Linux: a thread's own nice value, found through
 * /proc/thread-self), so background work yields the CPU to the thread that serves requests. Elsewhere a
 * no-op: false when the priority could not be changed.
 */
export function lowerThreadPriority(nice = 10): boolean {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid)) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}

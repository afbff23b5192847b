import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../lib/errors.js';
import { problem } from '../../lib/problems/problem.js';

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

/**
 * scrypt costs ~35 ms of one core. It runs on libuv's thread pool (never on the event loop that serves
 * redirects), at most `CONCURRENT` at once per budget, and sign-in attempts also draw from the server's
 * budget of hashes per second (KOS_LOGIN_HASH_RATE): beyond it a login answers 429 instead of queueing
 * CPU work that would starve every tenant's redirects. See docs/security.md.
 */
const CONCURRENT = 2;
const MAX_WAITING = 64;

/** A process's hashing budget: concurrent hashes, and sign-in hashes per second (burst of two seconds). */
export class HashBudget {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private tokens: number;
  private refilledAt = Date.now();

  constructor(private readonly perSecond: number) {
    this.tokens = perSecond * 2;
  }

  /** Takes one sign-in token; false when the per-second budget is spent. */
  takeToken(now = Date.now()): boolean {
    this.tokens = Math.min(this.perSecond * 2, this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= CONCURRENT) {
      if (this.waiting.length >= MAX_WAITING) throw busy();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}

const busy = () =>
  new DomainError('rate_limited', problem('auth.busy'), 'too many sign-ins at this moment; try again in a few seconds');

/** Setting passwords (authenticated acts) waits for a slot of its own budget; it draws no sign-in tokens. */
const settingBudget = new HashBudget(Number.POSITIVE_INFINITY);

const scryptAsync = (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number }) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, keylen, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );

/** scrypt with a random salt, stored as `scrypt$N$r$p$salt$hash`; off the event loop. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await settingBudget.run(() => scryptAsync(password, salt, SCRYPT.keylen, SCRYPT));
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/**
 * Checks a sign-in password in constant time; an unknown e-mail (null hash) costs the same as a wrong
 * password. Throws `rate_limited` when this process's sign-in hashing budget is spent.
 */
export async function verifyPassword(password: string, stored: string | null, budget: HashBudget): Promise<boolean> {
  if (!budget.takeToken()) throw busy();
  const [scheme, n, r, p, salt, hash] = (stored ?? '').split('$');
  const known = scheme === 'scrypt' && salt && hash;
  const expected = known ? Buffer.from(hash, 'base64url') : Buffer.alloc(SCRYPT.keylen);
  const params = known ? { N: Number(n), r: Number(r), p: Number(p) } : SCRYPT;
  const actual = await budget.run(() =>
    scryptAsync(password, known ? Buffer.from(salt, 'base64url') : randomBytes(16), expected.length, params),
  );
  return Boolean(known) && stored !== null && timingSafeEqual(expected, actual);
}

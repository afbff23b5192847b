import { DomainError } from '../../lib/errors.js';
import { problem } from '../../lib/problems/problem.js';
import type { AttemptWindows } from '../../lib/rate-limiter.js';

/**
 * Sign-in attempts allowed per 15-minute window (docs/security.md). Attempts are counted before the
 * password is checked (so a burst cannot slip past), and a successful sign-in gives its attempts back:
 * a shop's staff signing in from one address are never held back by their own successes.
 * - per client address: a flood from one address stops there, without hashing, and never reaches the
 *   e-mail counters, so it cannot lock the real user out from another address;
 * - per e-mail and address: guessing one account's password from one address;
 * - per e-mail over all addresses: guessing spread over many addresses.
 */
export const LOGIN_LIMITS = { perAddress: 30, perAccountAtAddress: 10, perAccount: 50, windowMs: 15 * 60_000 } as const;

export interface LoginAttempt {
  /** Call after the password check: a success gives the attempt back. */
  settle(succeeded: boolean): Promise<void>;
}

const minutes = LOGIN_LIMITS.windowMs / 60_000;
const limited = (by: 'address' | 'email') =>
  new DomainError(
    'rate_limited',
    problem(by === 'address' ? 'auth.rate_limited.address' : 'auth.rate_limited.email', { minutes }),
    `too many failed sign-ins ${by === 'address' ? 'from this address' : 'for this e-mail'}; try again in ${minutes} minutes`,
  );

/** Counts one sign-in attempt of `email` from `address`; throws 429 when a window is used up. */
export async function admitLogin(windows: AttemptWindows, email: string, address: string): Promise<LoginAttempt> {
  const byAddress = `login:addr:${address}`;
  const byAccountAtAddress = `login:acct:${email}|${address}`;
  const byAccount = `login:acct:${email}`;
  if ((await windows.take(byAddress)) > LOGIN_LIMITS.perAddress) throw limited('address');
  if ((await windows.take(byAccountAtAddress)) > LOGIN_LIMITS.perAccountAtAddress) throw limited('email');
  if ((await windows.take(byAccount)) > LOGIN_LIMITS.perAccount) throw limited('email');
  return {
    async settle(succeeded) {
      if (!succeeded) return;
      await windows.untake(byAddress);
      await windows.reset(byAccountAtAddress);
      await windows.untake(byAccount);
    },
  };
}

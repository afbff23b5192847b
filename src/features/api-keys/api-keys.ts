import { sha256 } from '../../lib/hash.js';
import { randomAlphanumeric } from '../../lib/ids.js';

/** A new API key: 40 random characters after `kos_`, shown once, stored only as its SHA-256. */
export function newApiKey(): { key: string; hash: string; prefix: string } {
  const key = `kos_${randomAlphanumeric(40)}`;
  return { key, hash: sha256(key), prefix: key.slice(0, 10) };
}

import type { KosStatus } from '../kos/kos.js';

/**
 * Whether a KOS in this status has a public bio page. Only people working with the brand now
 * (`active`) or starting to (`onboarding`) are shown: a candidate has not agreed to be public, and a
 * paused or offboarded KOS's contacts and links must not keep selling in the brand's name.
 */
export function hasPublicBioPage(status: KosStatus): boolean {
  return status === 'active' || status === 'onboarding';
}

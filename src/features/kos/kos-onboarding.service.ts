import type { Db } from '../../db/database.js';
import { lockRows } from '../../db/locks.js';
import type { Principal } from '../access/access.js';
import { type AuditContext, auditAccount } from './account-audit.js';
import { DEFAULT_PUBLIC_URL } from './kos.js';
import * as repo from './kos.repository.js';
import type { Kos } from './kos.schema.js';
import { kosChanged } from './kos-events.js';
import { type Onboarding, onboardingComplete, onboardingSteps } from './onboarding.js';

/**
 * Onboarding and the account audit's context (docs/matrix.md "Onboarding", "Account audit"): what every write
 * that can change an onboarding step calls inside its transaction, split from kos.service.ts.
 */

/** Who a status change is by: the member, else the API key, else nobody (the system). */
export const actorOf = (principal: Principal): string | null => principal.memberId ?? principal.apiKeyId;

/**
 * What the audit of these KOS's accounts compares against: the org's brand words, each KOS's bio page
 * and the short URLs of their enabled, unexpired links (docs/matrix.md "Account audit").
 */
export async function auditContexts(
  db: Db,
  orgId: string,
  kosIds: readonly string[],
  publicUrl: string,
  now = Date.now(),
): Promise<Map<string, AuditContext>> {
  const { brandWords } = await repo.brandKitOf(db, orgId);
  const targets = await repo.auditTargets(db, orgId, kosIds, now);
  return new Map(
    [...targets].map(([kosId, t]) => [
      kosId,
      { brandWords, bioPageUrl: `${publicUrl}/@${t.handle}`, shortUrls: t.slugs.map((slug) => `${publicUrl}/${slug}`) },
    ]),
  );
}

export async function onboardingOf(db: Db, orgId: string, kos: Kos, publicUrl: string, now: number): Promise<Onboarding> {
  const { targetPlatforms } = await repo.brandKitOf(db, orgId);
  const ctx = (await auditContexts(db, orgId, [kos.id], publicUrl, now)).get(kos.id);
  const accounts = await repo.auditedAccountsOf(db, orgId, kos.id);
  return onboardingSteps({
    unitId: kos.unitId,
    hasLabourContract3m: kos.taxProfile.hasLabourContract3m,
    taxCode: kos.taxProfile.taxCode,
    accounts: accounts.map((a) => ({ platform: a.platform, score: ctx ? auditAccount(a, ctx).score : 0 })),
    targetPlatforms,
    openRequiredCourses: await repo.openRequiredCoursesOf(db, orgId, kos.id),
    links: await repo.linkCountOf(db, orgId, kos.id),
  });
}

/**
 * Checks an `onboarding` KOS's steps again and, when all five are done, makes it `active` (reason
 * `onboarding`). Called inside the transaction of every write that can change a step — the KOS, its
 * accounts, its links, the org's brand kit — so the move commits or rolls back with that write.
 * Answers whether the KOS moved.
 */
export async function settleOnboarding(
  trx: Db,
  principal: Principal,
  kosId: string,
  publicUrl = DEFAULT_PUBLIC_URL,
  now = Date.now(),
): Promise<boolean> {
  await lockRows(trx, 'kos', [kosId]);
  const kos = await repo.findKos(trx, principal.orgId, kosId);
  if (kos?.status !== 'onboarding') return false;
  if (!onboardingComplete(await onboardingOf(trx, principal.orgId, kos, publicUrl, now))) return false;
  await repo.updateKos(trx, principal.orgId, kosId, { status: 'active' }, now);
  await repo.insertStatusChange(trx, principal.orgId, {
    kosId,
    at: now,
    from: 'onboarding',
    to: 'active',
    by: actorOf(principal),
    reason: 'onboarding',
  });
  await kosChanged(trx, principal.orgId, [kosId]);
  return true;
}

/** `settleOnboarding` for every `onboarding` KOS of the org (after a change of the brand kit). */
export async function settleOrgOnboarding(trx: Db, principal: Principal, publicUrl = DEFAULT_PUBLIC_URL, now = Date.now()) {
  for (const id of await repo.kosIdsInStatus(trx, principal.orgId, 'onboarding'))
    await settleOnboarding(trx, principal, id, publicUrl, now);
}

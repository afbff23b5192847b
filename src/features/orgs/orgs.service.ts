import { type Db, withTransaction } from '../../db/database.js';
import { conflict, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { problem } from '../../lib/problems/problem.js';
import { ADMINS, type Principal, requireRole, systemPrincipal } from '../access/access.js';
import { createApiKey } from '../api-keys/api-keys.service.js';
import { settleOrgOnboarding } from '../kos/kos-onboarding.service.js';
import { createMember } from '../members/members.service.js';
import { defaultTaxRules, ORG_DEFAULTS } from './orgs.js';
import * as repo from './orgs.repository.js';
import { type Org, type OrgCreate, type OrgPatch, orgCreate } from './orgs.schema.js';

export interface CreatedOrg {
  org: Org;
  ownerMemberId: string;
  apiKey: string;
}

/** Creates an org with its owner member and an owner API key, in one transaction. */
export async function createOrg(db: Db, rawInput: OrgCreate, now = Date.now()): Promise<CreatedOrg> {
  const input = orgCreate.parse(rawInput);
  if (await repo.findOrgBySlug(db, input.slug))
    throw conflict(problem('org.slug.taken', { slug: input.slug }), `an organisation with slug "${input.slug}" exists`, 'slug');
  return withTransaction(db, async (trx) => {
    const id = newId();
    await repo.insertOrg(
      trx,
      {
        id,
        name: input.name,
        slug: input.slug,
        currency: input.currency,
        timezone: input.timezone,
        locale: input.locale,
        ...ORG_DEFAULTS,
        taxRules: defaultTaxRules(input.currency),
        targetCategories: [],
      },
      now,
    );
    const owner = systemPrincipal(id);
    const member = await createMember(
      trx,
      owner,
      { email: input.adminEmail, password: input.adminPassword, name: input.adminName, role: 'owner' },
      now,
    );
    const key = await createApiKey(trx, owner, { name: 'owner key (created with the organisation)', role: 'owner' }, now);
    return { org: (await repo.findOrg(trx, id)) as Org, ownerMemberId: member.id, apiKey: key.key };
  });
}

export async function getOrgOrThrow(db: Db, orgId: string): Promise<Org> {
  const org = await repo.findOrg(db, orgId);
  if (!org) throw notFound('org');
  return org;
}

/** The organisation with this slug (the CLI names orgs by slug), if any. */
export function findOrgBySlug(db: Db, slug: string) {
  return repo.findOrgBySlug(db, slug);
}
/** The org's webhook secret (write-only through the API), or null when none is set. */
export function findWebhookSecret(db: Db, orgId: string) {
  return repo.findWebhookSecret(db, orgId);
}

/**
 * Changes the settings. A new brand kit changes every account's audit and the onboarding steps that read
 * it, so onboarding KOS are checked again in the same transaction (docs/matrix.md "Onboarding").
 */
export async function patchOrg(
  db: Db,
  principal: Principal,
  patch: OrgPatch,
  now = Date.now(),
  publicUrl?: string,
): Promise<Org> {
  requireRole(principal, ADMINS);
  const current = patch.brandKit ? await getOrgOrThrow(db, principal.orgId) : null;
  const brandKit = patch.brandKit && current ? { ...current.brandKit, ...patch.brandKit } : undefined;
  await withTransaction(db, async (trx) => {
    await repo.updateOrg(trx, principal.orgId, { ...patch, brandKit }, now);
    if (brandKit) await settleOrgOnboarding(trx, principal, publicUrl, now);
  });
  return getOrgOrThrow(db, principal.orgId);
}

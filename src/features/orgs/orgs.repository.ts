import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { OrgsTable } from '../../db/schema.js';
import { parseJson } from '../../lib/json.js';
import { toIso } from '../../lib/schemas.js';
import type { BrandKit, Org, OrgPatch, TaxRule } from './orgs.schema.js';

const toOrg = (row: Selectable<OrgsTable>): Org => ({
  id: row.id,
  name: row.name,
  slug: row.slug,
  currency: row.currency,
  timezone: row.timezone,
  locale: row.locale,
  attributionWindowDays: row.attribution_window_days,
  postLiveWindowHours: row.post_live_window_hours,
  minPayoutMinor: row.min_payout_minor,
  taxRules: parseJson<TaxRule[]>(row.tax_rules, []),
  targetCategories: parseJson<string[]>(row.target_categories, []),
  brandKit: { brandWords: [], targetPlatforms: [], ...parseJson<Partial<BrandKit>>(row.brand_kit, {}) },
  tierCutoffs: { s: 10, a: 20, b: 40, ...parseJson<Partial<Org['tierCutoffs']>>(row.tier_cutoffs, {}) },
  webhookSecretSet: row.webhook_secret !== null,
  createdAt: toIso(row.created_at),
  updatedAt: toIso(row.updated_at),
});

export async function findOrg(db: Db, id: string): Promise<Org | undefined> {
  const row = await db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toOrg(row);
}

export async function findOrgBySlug(db: Db, slug: string): Promise<Org | undefined> {
  const row = await db.selectFrom('orgs').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && toOrg(row);
}

/** The webhook secret is write-only: only the webhook verifier reads it, through this. */
export async function findWebhookSecret(db: Db, orgId: string): Promise<string | null> {
  const row = await db.selectFrom('orgs').select('webhook_secret').where('id', '=', orgId).executeTakeFirst();
  return row?.webhook_secret ?? null;
}

export async function insertOrg(
  db: Db,
  // A new org starts with the column's default brand kit (empty lists, migration 0009) and tier cut-offs (0010).
  org: Omit<Org, 'createdAt' | 'updatedAt' | 'webhookSecretSet' | 'brandKit' | 'tierCutoffs'>,
  now: number,
): Promise<void> {
  await db
    .insertInto('orgs')
    .values({
      id: org.id,
      name: org.name,
      slug: org.slug,
      currency: org.currency,
      timezone: org.timezone,
      locale: org.locale,
      attribution_window_days: org.attributionWindowDays,
      post_live_window_hours: org.postLiveWindowHours,
      min_payout_minor: org.minPayoutMinor,
      tax_rules: JSON.stringify(org.taxRules),
      target_categories: JSON.stringify(org.targetCategories),
      webhook_secret: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updateOrg(
  db: Db,
  id: string,
  patch: Omit<OrgPatch, 'brandKit'> & { brandKit?: BrandKit },
  now: number,
): Promise<void> {
  const set = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.currency !== undefined ? { currency: patch.currency } : {}),
    ...(patch.timezone !== undefined ? { timezone: patch.timezone } : {}),
    ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
    ...(patch.attributionWindowDays !== undefined ? { attribution_window_days: patch.attributionWindowDays } : {}),
    ...(patch.postLiveWindowHours !== undefined ? { post_live_window_hours: patch.postLiveWindowHours } : {}),
    ...(patch.minPayoutMinor !== undefined ? { min_payout_minor: patch.minPayoutMinor } : {}),
    ...(patch.taxRules !== undefined ? { tax_rules: JSON.stringify(patch.taxRules) } : {}),
    ...(patch.targetCategories !== undefined ? { target_categories: JSON.stringify(patch.targetCategories) } : {}),
    ...(patch.brandKit !== undefined ? { brand_kit: JSON.stringify(patch.brandKit) } : {}),
    ...(patch.webhookSecret !== undefined ? { webhook_secret: patch.webhookSecret } : {}),
    ...(patch.tierCutoffs !== undefined ? { tier_cutoffs: JSON.stringify(patch.tierCutoffs) } : {}),
  };
  await db
    .updateTable('orgs')
    .set({ ...set, updated_at: now })
    .where('id', '=', id)
    .execute();
}

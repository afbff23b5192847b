import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { RecruitmentApplicationsTable, RecruitmentDrivesTable } from '../../db/schema.js';
import { parseJson } from '../../lib/json.js';
import type { Platform } from '../../lib/schemas.js';
import type { Relationship } from '../kos/kos.js';
import type { ApplicationStatus } from './recruitment.js';
import type { Criterion } from './screening-score.js';

/** A drive as stored, times in epoch ms. */
export interface DriveRecord {
  id: string;
  orgId: string;
  name: string;
  slug: string;
  unitId: string | null;
  relationships: Relationship[];
  categories: string[];
  questions: { key: string; label: string }[];
  criteria: Criterion[];
  open: boolean;
  closesAt: number | null;
  passScore: number;
  createdAt: number;
  updatedAt: number;
}
export type DriveValues = Omit<DriveRecord, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>;

export interface HistoryEntry {
  status: ApplicationStatus;
  at: number;
  by: string | null;
  note: string | null;
}

/** An application as stored (phone and email unmasked), times in epoch ms. */
export interface ApplicationRecord {
  id: string;
  orgId: string;
  driveId: string;
  name: string;
  phone: string;
  email: string;
  province: string | null;
  relationship: Relationship;
  accounts: { platform: Platform; handle: string; followers: number }[];
  categories: string[];
  salesMinor: number | null;
  coverage: number | null;
  answers: Record<string, boolean>;
  assessments: Record<string, number>;
  scoreTenths: number;
  status: ApplicationStatus;
  kosId: string | null;
  history: HistoryEntry[];
  createdAt: number;
  updatedAt: number;
}

const toDrive = (r: Selectable<RecruitmentDrivesTable>): DriveRecord => ({
  id: r.id,
  orgId: r.org_id,
  name: r.name,
  slug: r.slug,
  unitId: r.unit_id,
  relationships: parseJson(r.relationships, []),
  categories: parseJson(r.categories, []),
  questions: parseJson(r.questions, []),
  criteria: parseJson(r.criteria, []),
  open: r.open === 1,
  closesAt: r.closes_at,
  passScore: r.pass_score,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const driveColumns = (v: DriveValues) => ({
  name: v.name,
  slug: v.slug,
  unit_id: v.unitId,
  relationships: JSON.stringify(v.relationships),
  categories: JSON.stringify(v.categories),
  questions: JSON.stringify(v.questions),
  criteria: JSON.stringify(v.criteria),
  open: v.open ? 1 : 0,
  closes_at: v.closesAt,
  pass_score: v.passScore,
});

const toApplication = (r: Selectable<RecruitmentApplicationsTable>): ApplicationRecord => ({
  id: r.id,
  orgId: r.org_id,
  driveId: r.drive_id,
  name: r.name,
  phone: r.phone,
  email: r.email,
  province: r.province,
  relationship: r.relationship as Relationship,
  accounts: parseJson(r.accounts, []),
  categories: parseJson(r.categories, []),
  salesMinor: r.sales_minor,
  coverage: r.coverage,
  answers: parseJson(r.answers, {}),
  assessments: parseJson(r.assessments, {}),
  scoreTenths: r.score_tenths,
  status: r.status as ApplicationStatus,
  kosId: r.kos_id,
  history: parseJson(r.history, []),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function insertDrive(trx: Db, orgId: string, id: string, values: DriveValues, now: number): Promise<void> {
  await trx
    .insertInto('recruitment_drives')
    .values({ id, org_id: orgId, ...driveColumns(values), created_at: now, updated_at: now })
    .execute();
}

export async function updateDrive(trx: Db, orgId: string, id: string, values: DriveValues, now: number): Promise<void> {
  await trx
    .updateTable('recruitment_drives')
    .set({ ...driveColumns(values), updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function findDrive(db: Db, orgId: string, id: string): Promise<DriveRecord | null> {
  const row = await db
    .selectFrom('recruitment_drives')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toDrive(row) : null;
}

/** The drive with this public slug, in any org (the slug is the form's URL). */
export async function findDriveBySlug(db: Db, slug: string): Promise<DriveRecord | null> {
  const row = await db.selectFrom('recruitment_drives').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? toDrive(row) : null;
}

/** Drives of the org in id order; `unitIds` limits them to those units (a scoped caller; an empty list matches nothing). */
export async function listDrives(
  db: Db,
  orgId: string,
  filter: { after?: string; limit: number; unitIds?: readonly string[] },
): Promise<DriveRecord[]> {
  let q = db.selectFrom('recruitment_drives').selectAll().where('org_id', '=', orgId);
  if (filter.after) q = q.where('id', '>', filter.after);
  if (filter.unitIds) {
    if (filter.unitIds.length === 0) return [];
    q = q.where('unit_id', 'in', [...filter.unitIds]);
  }
  return (await q.orderBy('id').limit(filter.limit).execute()).map(toDrive);
}

/** Applications per drive and status. */
export async function statusCounts(db: Db, orgId: string, driveIds: readonly string[]) {
  if (driveIds.length === 0) return [];
  return db
    .selectFrom('recruitment_applications')
    .select(['drive_id', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('org_id', '=', orgId)
    .where('drive_id', 'in', [...driveIds])
    .groupBy(['drive_id', 'status'])
    .execute();
}

export interface NewApplication extends Omit<ApplicationRecord, 'createdAt' | 'updatedAt' | 'kosId'> {
  phoneKey: string;
  emailKey: string;
}

export async function insertApplication(trx: Db, a: NewApplication, now: number): Promise<void> {
  await trx
    .insertInto('recruitment_applications')
    .values({
      id: a.id,
      org_id: a.orgId,
      drive_id: a.driveId,
      name: a.name,
      phone: a.phone,
      phone_key: a.phoneKey,
      email: a.email,
      email_key: a.emailKey,
      province: a.province,
      relationship: a.relationship,
      accounts: JSON.stringify(a.accounts),
      categories: JSON.stringify(a.categories),
      sales_minor: a.salesMinor,
      coverage: a.coverage,
      answers: JSON.stringify(a.answers),
      assessments: JSON.stringify(a.assessments),
      score_tenths: a.scoreTenths,
      status: a.status,
      kos_id: null,
      history: JSON.stringify(a.history),
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Which of the email and phone keys already applied to the drive. */
export async function duplicatesIn(db: Db, driveId: string, emailKey: string, phoneKey: string) {
  const rows = await db
    .selectFrom('recruitment_applications')
    .select(['email_key', 'phone_key'])
    .where('drive_id', '=', driveId)
    .where((eb) => eb.or([eb('email_key', '=', emailKey), eb('phone_key', '=', phoneKey)]))
    .execute();
  return { email: rows.some((r) => r.email_key === emailKey), phone: rows.some((r) => r.phone_key === phoneKey) };
}

export async function findApplication(db: Db, orgId: string, id: string): Promise<ApplicationRecord | null> {
  const row = await db
    .selectFrom('recruitment_applications')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toApplication(row) : null;
}

/** Applications by score (highest first), then oldest first; `driveIds` limits them (an empty list matches nothing). */
export async function listApplications(
  db: Db,
  orgId: string,
  filter: { driveIds?: readonly string[]; status?: string; minTenths?: number; offset: number; limit: number },
): Promise<ApplicationRecord[]> {
  let q = db.selectFrom('recruitment_applications').selectAll().where('org_id', '=', orgId);
  if (filter.driveIds) {
    if (filter.driveIds.length === 0) return [];
    q = q.where('drive_id', 'in', [...filter.driveIds]);
  }
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.minTenths !== undefined) q = q.where('score_tenths', '>=', filter.minTenths);
  const rows = await q
    .orderBy('score_tenths', 'desc')
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .offset(filter.offset)
    .limit(filter.limit)
    .execute();
  return rows.map(toApplication);
}

/** Every application of a drive, to score again after its criteria change. */
export async function applicationsOfDrive(db: Db, driveId: string): Promise<ApplicationRecord[]> {
  return (await db.selectFrom('recruitment_applications').selectAll().where('drive_id', '=', driveId).execute()).map(
    toApplication,
  );
}

export async function updateApplication(
  trx: Db,
  orgId: string,
  id: string,
  values: { status: ApplicationStatus; assessments: Record<string, number>; scoreTenths: number; history: HistoryEntry[] },
  now: number,
): Promise<void> {
  await trx
    .updateTable('recruitment_applications')
    .set({
      status: values.status,
      assessments: JSON.stringify(values.assessments),
      score_tenths: values.scoreTenths,
      history: JSON.stringify(values.history),
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function updateScore(trx: Db, id: string, scoreTenths: number): Promise<void> {
  await trx.updateTable('recruitment_applications').set({ score_tenths: scoreTenths }).where('id', '=', id).execute();
}

/**
 * Takes the application's row for a conversion (PostgreSQL: its row lock, held to the end of the
 * transaction): false when it has a KOS already, also when a simultaneous conversion committed first.
 */
export async function claimForConversion(trx: Db, orgId: string, id: string, now: number): Promise<boolean> {
  const result = await trx
    .updateTable('recruitment_applications')
    .set({ updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('kos_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setKosId(trx: Db, orgId: string, id: string, kosId: string): Promise<void> {
  await trx
    .updateTable('recruitment_applications')
    .set({ kos_id: kosId })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

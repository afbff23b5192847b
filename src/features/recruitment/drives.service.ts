import { type Db, withTransaction } from '../../db/database.js';
import { conflict, type FieldError, fieldError, invalid, invalidFields, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import { toIso } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { EDITORS, requireRole, requireUnitInScope, STAFF, unitInScope } from '../access/access.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { requireUnitExists, resolveScope } from '../units/units.service.js';
import { APPLICATION_STATUSES } from './recruitment.js';
import * as repo from './recruitment.repository.js';
import type { Drive, DriveCreate, DrivePatch, StatusCounts } from './recruitment.schema.js';
import { type Criterion, defaultCriteria, scoreApplication } from './screening-score.js';

/** What drives need of the app: the public URL their form is served under. */
export interface RecruitmentContext {
  publicUrl: string;
}

const zeroCounts = (): StatusCounts => Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as unknown as StatusCounts;

/** The public URL of a drive's form. */
export const applyUrl = (ctx: RecruitmentContext, slug: string): string => `${ctx.publicUrl}/apply/${slug}`;

async function present(db: Db, ctx: RecruitmentContext, orgId: string, drives: repo.DriveRecord[]): Promise<Drive[]> {
  if (drives.length === 0) return [];
  const { currency } = await getOrgOrThrow(db, orgId);
  const counts = new Map<string, StatusCounts>(drives.map((d) => [d.id, zeroCounts()]));
  for (const row of await repo.statusCounts(
    db,
    orgId,
    drives.map((d) => d.id),
  )) {
    const c = counts.get(row.drive_id);
    if (c && row.status in c) c[row.status as keyof StatusCounts] = Number(row.n);
  }
  return drives.map((d) => ({
    id: d.id,
    name: d.name,
    slug: d.slug,
    unitId: d.unitId,
    relationships: d.relationships,
    categories: d.categories,
    open: d.open,
    closesAt: d.closesAt === null ? null : toIso(d.closesAt),
    passScore: d.passScore,
    criteria: d.criteria.map((c) => ({ ...c, target: c.target ?? null })),
    questions: d.questions,
    currency,
    applyUrl: applyUrl(ctx, d.slug),
    counts: counts.get(d.id) ?? zeroCounts(),
    createdAt: toIso(d.createdAt),
    updatedAt: toIso(d.updatedAt),
  }));
}

/** Drives the caller sees: the whole org, or those of units in a manager's or viewer's subtree. */
export async function listDrives(db: Db, ctx: RecruitmentContext, principal: Principal, query: PageQuery): Promise<Page<Drive>> {
  requireRole(principal, STAFF);
  const scope = await resolveScope(db, principal);
  const rows = await repo.listDrives(db, principal.orgId, {
    after: cursorAfter(query.cursor),
    limit: query.limit + 1,
    unitIds: scope.kind === 'units' ? [...scope.unitIds] : undefined,
  });
  const page = toPage(rows, query.limit);
  return { items: await present(db, ctx, principal.orgId, page.items), nextCursor: page.nextCursor };
}

/** The stored drive: 404 when it is not this org's, 403 for a role without recruitment or a unit outside the scope. */
export async function findOwnDrive(db: Db, principal: Principal, id: string): Promise<repo.DriveRecord> {
  const drive = await repo.findDrive(db, principal.orgId, id);
  if (!drive) throw notFound('drive');
  requireRole(principal, STAFF);
  requireUnitInScope(await resolveScope(db, principal), drive.unitId);
  return drive;
}

export async function getDriveOrThrow(db: Db, ctx: RecruitmentContext, principal: Principal, id: string): Promise<Drive> {
  return (await present(db, ctx, principal.orgId, [await findOwnDrive(db, principal, id)]))[0] as Drive;
}

/** Whether the caller may see a drive of this unit (for lists of applications). */
export async function driveVisibility(db: Db, principal: Principal): Promise<(unitId: string | null) => boolean> {
  requireRole(principal, STAFF);
  const scope = await resolveScope(db, principal);
  return (unitId) => unitInScope(scope, unitId);
}

/** 422 for a boolean criterion without a question of the same key (it could never score). */
function criteriaProblems(criteria: readonly Criterion[], questions: readonly { key: string }[]): FieldError[] {
  const asked = new Set(questions.map((q) => q.key));
  return criteria.flatMap((c, i) =>
    c.source === 'boolean' && !asked.has(c.key)
      ? [
          fieldError(
            `criteria.${i}.key`,
            problem('drive.criterion.question_missing'),
            'a boolean criterion needs a question with the same key',
          ),
        ]
      : [],
  );
}

async function requireFreeSlug(db: Db, slug: string, currentId: string | null): Promise<void> {
  const other = await repo.findDriveBySlug(db, slug);
  if (other && other.id !== currentId)
    throw conflict(problem('drive.slug.taken', { slug }), `slug ${slug} is taken by another drive`, 'slug');
}

async function requireUnit(db: Db, principal: Principal, unitId: string | null): Promise<void> {
  if (unitId) await requireUnitExists(db, principal.orgId, unitId);
  requireUnitInScope(await resolveScope(db, principal), unitId);
}

export async function createDrive(
  db: Db,
  ctx: RecruitmentContext,
  principal: Principal,
  input: DriveCreate,
  now = Date.now(),
): Promise<Drive> {
  requireRole(principal, EDITORS);
  const unitId = input.unitId ?? null;
  await requireUnit(db, principal, unitId);
  let criteria: Criterion[] | null = input.criteria ?? null;
  if (!criteria) {
    const { currency } = await getOrgOrThrow(db, principal.orgId);
    criteria = defaultCriteria(currency);
    if (!criteria)
      throw invalid(
        'criteria',
        problem('drive.criteria.no_default', { currency }),
        `there are default criteria only for VND and CNY; a drive of an organisation in ${currency} must give its criteria`,
      );
  }
  const problems = criteriaProblems(criteria, input.questions);
  if (problems.length) throw invalidFields(problems);
  await requireFreeSlug(db, input.slug, null);
  const id = newId();
  await withTransaction(db, (trx) =>
    repo.insertDrive(
      trx,
      principal.orgId,
      id,
      {
        name: input.name,
        slug: input.slug,
        unitId,
        relationships: input.relationships,
        categories: input.categories,
        questions: input.questions,
        criteria,
        open: input.open,
        closesAt: input.closesAt ? Date.parse(input.closesAt) : null,
        passScore: input.passScore,
      },
      now,
    ),
  );
  return getDriveOrThrow(db, ctx, principal, id);
}

/** Changes a drive; new criteria or categories score every application of the drive again, in the same transaction. */
export async function patchDrive(
  db: Db,
  ctx: RecruitmentContext,
  principal: Principal,
  id: string,
  patch: DrivePatch,
  now = Date.now(),
): Promise<Drive> {
  const drive = await findOwnDrive(db, principal, id);
  requireRole(principal, EDITORS);
  if (patch.unitId !== undefined && patch.unitId !== drive.unitId) await requireUnit(db, principal, patch.unitId);
  const next: repo.DriveValues = {
    name: patch.name ?? drive.name,
    slug: patch.slug ?? drive.slug,
    unitId: patch.unitId !== undefined ? patch.unitId : drive.unitId,
    relationships: patch.relationships ?? drive.relationships,
    categories: patch.categories ?? drive.categories,
    questions: patch.questions ?? drive.questions,
    criteria: patch.criteria ?? drive.criteria,
    open: patch.open ?? drive.open,
    closesAt: patch.closesAt !== undefined ? (patch.closesAt ? Date.parse(patch.closesAt) : null) : drive.closesAt,
    passScore: patch.passScore ?? drive.passScore,
  };
  const problems = criteriaProblems(next.criteria, next.questions);
  if (problems.length) throw invalidFields(problems);
  if (next.slug !== drive.slug) await requireFreeSlug(db, next.slug, drive.id);
  const rescore = patch.criteria !== undefined || patch.categories !== undefined;
  await withTransaction(db, async (trx) => {
    await repo.updateDrive(trx, principal.orgId, id, next, now);
    if (!rescore) return;
    for (const a of await repo.applicationsOfDrive(trx, id)) {
      const { tenths } = scoreApplication(next.criteria, a, next.categories);
      if (tenths !== a.scoreTenths) await repo.updateScore(trx, a.id, tenths);
    }
  });
  return getDriveOrThrow(db, ctx, principal, id);
}

/** The drive of a public slug, or null (an unknown slug). */
export function findDriveBySlug(db: Db, slug: string): Promise<repo.DriveRecord | null> {
  return repo.findDriveBySlug(db, slug);
}

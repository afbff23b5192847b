import type { Db } from '../../db/database.js';
import { conflict, fieldError, invalidFields, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import { toIso } from '../../lib/schemas.js';
import { dayInZone } from '../../lib/time.js';
import { ADMINS, kosInScope, type Principal, requireRole, type Scope } from '../access/access.js';
import { requireKosExists } from '../kos/kos.service.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { requireUnitExists, resolveScope } from '../units/units.service.js';
import { type ContestStatus, contestStatus } from './contests.js';
import * as repo from './contests.repository.js';
import type { AwardOut, ContestCreate, ContestOut, ContestPatch } from './contests.schema.js';
import { contestProblems } from './contests.schema.js';
import { loadRoster, type OrgRoster, participantsNow } from './standings.service.js';

/** Who may read contests: every role; what each sees is narrowed by `visibleTo` (docs/contests.md). */
const READERS = ['owner', 'admin', 'manager', 'viewer', 'kos'] as const;

/** The KOS a contest is about: frozen at its close, else those taking part now. */
const participantIds = (contest: repo.ContestRecord, roster: OrgRoster): string[] =>
  contest.frozen ? contest.frozen.kosIds : participantsNow(contest, roster).map((k) => k.id);

/**
 * Whether the caller sees a contest: the org's staff without a unit see all; a manager or viewer with a
 * unit, those with a participating KOS of their subtree; a `kos` member, those they take part in.
 */
function visibleTo(scope: Scope, contest: repo.ContestRecord, roster: OrgRoster): boolean {
  if (scope.kind === 'org') return true;
  const byId = new Map(roster.kos.map((k) => [k.id, k]));
  return participantIds(contest, roster).some((id) => {
    const kos = byId.get(id);
    return kos !== undefined && kosInScope(scope, kos);
  });
}

/** Awards as answered: each with its winner's name. */
export function presentAwards(awards: readonly repo.AwardRecord[], roster: OrgRoster): AwardOut[] {
  const names = new Map(roster.kos.map((k) => [k.id, k.name]));
  return awards.map((a) => ({
    kosId: a.kosId,
    name: names.get(a.kosId) ?? '',
    unitId: a.unitId,
    kind: a.kind,
    rank: a.rank,
    amountMinor: a.amountMinor,
    entryId: a.entryId,
  }));
}

async function present(
  db: Db,
  org: { currency: string; timezone: string },
  contests: repo.ContestRecord[],
  roster: OrgRoster,
  now: number,
): Promise<ContestOut[]> {
  const today = dayInZone(now, org.timezone);
  const awards = await repo.awardsOf(
    db,
    contests.filter((c) => c.closedAt !== null).map((c) => c.id),
  );
  return contests.map((c) => ({
    id: c.id,
    name: c.name,
    metric: c.metric,
    scope: c.scope,
    unitKind: c.unitKind as ContestOut['unitKind'],
    from: c.from,
    to: c.to,
    participants: c.participants,
    prizes: c.prizes,
    targets: c.targets,
    status: contestStatus(c, today),
    currency: org.currency,
    closedAt: c.closedAt === null ? null : toIso(c.closedAt),
    ...(c.closedAt === null ? {} : { awards: presentAwards(awards.get(c.id) ?? [], roster) }),
    createdAt: toIso(c.createdAt),
    updatedAt: toIso(c.updatedAt),
  }));
}

/** The contests the caller sees, in creation order, optionally of one status. */
export async function listContests(
  db: Db,
  principal: Principal,
  query: PageQuery & { status?: ContestStatus },
  now = Date.now(),
): Promise<Page<ContestOut>> {
  requireRole(principal, READERS);
  const org = await getOrgOrThrow(db, principal.orgId);
  const scope = await resolveScope(db, principal);
  const roster = await loadRoster(db, org.id);
  const today = dayInZone(now, org.timezone);
  const after = cursorAfter(query.cursor);
  const rows = (await repo.listContests(db, org.id)).filter(
    (c) =>
      (after === undefined || c.id > after) &&
      (!query.status || contestStatus(c, today) === query.status) &&
      visibleTo(scope, c, roster),
  );
  const page = toPage(rows.slice(0, query.limit + 1), query.limit);
  return { items: await present(db, org, page.items, roster, now), nextCursor: page.nextCursor };
}

/** The stored contest, when the caller may see it (404 otherwise: another org's, or one they are not in). */
export async function findVisibleContest(
  db: Db,
  principal: Principal,
  id: string,
): Promise<{ contest: repo.ContestRecord; roster: OrgRoster }> {
  requireRole(principal, READERS);
  const contest = await repo.findContest(db, principal.orgId, id);
  if (!contest) throw notFound('contest');
  const roster = await loadRoster(db, principal.orgId);
  if (!visibleTo(await resolveScope(db, principal), contest, roster)) throw notFound('contest');
  return { contest, roster };
}

export async function getContestOrThrow(db: Db, principal: Principal, id: string, now = Date.now()): Promise<ContestOut> {
  const { contest, roster } = await findVisibleContest(db, principal, id);
  const org = await getOrgOrThrow(db, principal.orgId);
  return (await present(db, org, [contest], roster, now))[0] as ContestOut;
}

/** 422 for the rules across fields and for participants that are not the org's. */
async function validate(db: Db, orgId: string, v: repo.ContestValues): Promise<void> {
  const errors = contestProblems(v).map((p) => fieldError(p.path, problem(p.key), p.message));
  if (errors.length) throw invalidFields(errors);
  for (const [i, unitId] of (v.participants.unitIds ?? []).entries())
    await requireUnitExists(db, orgId, unitId, `participants.unitIds.${i}`);
  for (const [i, kosId] of (v.participants.kosIds ?? []).entries())
    await requireKosExists(db, orgId, kosId, `participants.kosIds.${i}`);
}

/** A KOS contest has no unit kind. */
const normalise = (v: repo.ContestValues): repo.ContestValues => (v.scope === 'kos' ? { ...v, unitKind: null } : v);

export async function createContest(db: Db, principal: Principal, input: ContestCreate, now = Date.now()): Promise<ContestOut> {
  requireRole(principal, ADMINS);
  const values = normalise({ ...input, unitKind: input.unitKind ?? null });
  await validate(db, principal.orgId, values);
  const id = newId();
  await repo.insertContest(db, principal.orgId, id, values, principal.memberId ?? principal.apiKeyId, now);
  return getContestOrThrow(db, principal, id, now);
}

/** Changes a contest until it is closed (409 after). */
export async function patchContest(
  db: Db,
  principal: Principal,
  id: string,
  patch: ContestPatch,
  now = Date.now(),
): Promise<ContestOut> {
  requireRole(principal, ADMINS);
  const current = await repo.findContest(db, principal.orgId, id);
  if (!current) throw notFound('contest');
  const closed = () =>
    conflict(
      problem('contest.closed', { closedAt: toIso(current.closedAt ?? now) }),
      'a closed contest can no longer be changed',
    );
  if (current.closedAt !== null) throw closed();
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const values = normalise({
    name: current.name,
    metric: current.metric,
    scope: current.scope,
    unitKind: current.unitKind,
    from: current.from,
    to: current.to,
    participants: current.participants,
    prizes: current.prizes,
    targets: current.targets,
    ...defined,
  } as repo.ContestValues);
  await validate(db, principal.orgId, values);
  if (!(await repo.updateOpenContest(db, principal.orgId, id, values, now))) throw closed();
  return getContestOrThrow(db, principal, id, now);
}

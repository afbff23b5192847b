import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ContestsTable } from '../../db/schema.js';
import { parseJson } from '../../lib/json.js';
import type { ContestMetric, ContestScope, Participants, Prize, Target } from './contests.js';
import type { StandingRow } from './standings.js';

/** What a close froze: the standings it paid on and the KOS that took part then. */
export interface FrozenClose {
  rows: StandingRow[];
  kosIds: string[];
}

/** A contest as stored, times in epoch ms. */
export interface ContestRecord {
  id: string;
  orgId: string;
  name: string;
  metric: ContestMetric;
  scope: ContestScope;
  unitKind: string | null;
  from: string;
  to: string;
  participants: Participants;
  prizes: Prize[];
  targets: Target[];
  closedAt: number | null;
  frozen: FrozenClose | null;
  createdAt: number;
  updatedAt: number;
}
export type ContestValues = Pick<
  ContestRecord,
  'name' | 'metric' | 'scope' | 'unitKind' | 'from' | 'to' | 'participants' | 'prizes' | 'targets'
>;

export interface AwardRecord {
  kosId: string;
  unitId: string | null;
  kind: 'prize' | 'target';
  rank: number;
  amountMinor: number;
  entryId: string;
}

const toContest = (r: Selectable<ContestsTable>): ContestRecord => ({
  id: r.id,
  orgId: r.org_id,
  name: r.name,
  metric: r.metric as ContestMetric,
  scope: r.scope as ContestScope,
  unitKind: r.unit_kind,
  from: r.from_day,
  to: r.to_day,
  participants: parseJson(r.participants, {}),
  prizes: parseJson(r.prizes, []),
  targets: parseJson(r.targets, []),
  closedAt: r.closed_at === null ? null : Number(r.closed_at),
  frozen: r.standings === null ? null : parseJson(r.standings, { rows: [], kosIds: [] }),
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

const columns = (v: ContestValues) => ({
  name: v.name,
  metric: v.metric,
  scope: v.scope,
  unit_kind: v.unitKind,
  from_day: v.from,
  to_day: v.to,
  participants: JSON.stringify(v.participants),
  prizes: JSON.stringify(v.prizes),
  targets: JSON.stringify(v.targets),
});

/** Every contest of the org in id order (an org runs a handful; the service filters and pages them). */
export async function listContests(db: Db, orgId: string): Promise<ContestRecord[]> {
  return (await db.selectFrom('contests').selectAll().where('org_id', '=', orgId).orderBy('id').execute()).map(toContest);
}

export async function findContest(db: Db, orgId: string, id: string): Promise<ContestRecord | undefined> {
  const row = await db.selectFrom('contests').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row ? toContest(row) : undefined;
}

export async function insertContest(
  db: Db,
  orgId: string,
  id: string,
  v: ContestValues,
  createdBy: string | null,
  now: number,
): Promise<void> {
  await db
    .insertInto('contests')
    .values({
      id,
      org_id: orgId,
      ...columns(v),
      closed_at: null,
      standings: null,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Changes an open contest; false when it was closed meanwhile. */
export async function updateOpenContest(db: Db, orgId: string, id: string, v: ContestValues, now: number): Promise<boolean> {
  const result = await db
    .updateTable('contests')
    .set({ ...columns(v), updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Marks the contest closed with its frozen standings — only if it is still open. On PostgreSQL a second
 * close waits for the first one's row lock and then finds it closed; SQLite has one writer at a time.
 * True for the one close that wins.
 */
export async function markClosed(db: Db, orgId: string, id: string, frozen: FrozenClose, now: number): Promise<boolean> {
  const result = await db
    .updateTable('contests')
    .set({ closed_at: now, standings: JSON.stringify(frozen), updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertAwards(
  db: Db,
  orgId: string,
  contestId: string,
  awards: readonly (AwardRecord & { id: string })[],
  now: number,
): Promise<void> {
  if (awards.length === 0) return;
  await db
    .insertInto('contest_awards')
    .values(
      awards.map((a, position) => ({
        id: a.id,
        org_id: orgId,
        contest_id: contestId,
        position,
        kos_id: a.kosId,
        unit_id: a.unitId ?? '',
        kind: a.kind,
        rank: a.rank,
        amount_minor: a.amountMinor,
        entry_id: a.entryId,
        created_at: now,
      })),
    )
    .execute();
}

export async function awardsOf(db: Db, contestIds: readonly string[]): Promise<Map<string, AwardRecord[]>> {
  const out = new Map<string, AwardRecord[]>(contestIds.map((id) => [id, []]));
  if (contestIds.length === 0) return out;
  const rows = await db
    .selectFrom('contest_awards')
    .selectAll()
    .where('contest_id', 'in', [...contestIds])
    .orderBy('contest_id')
    .orderBy('position')
    .execute();
  for (const r of rows)
    out.get(r.contest_id)?.push({
      kosId: r.kos_id,
      unitId: r.unit_id === '' ? null : r.unit_id,
      kind: r.kind as 'prize' | 'target',
      rank: r.rank,
      amountMinor: Number(r.amount_minor),
      entryId: r.entry_id,
    });
  return out;
}

/** The org's KOS as participation sees them (the kos table, read only). */
export async function orgKos(db: Db, orgId: string) {
  return db
    .selectFrom('kos')
    .select(['id', 'code', 'name', 'status', 'unit_id as unitId', 'relationship', 'tier'])
    .where('org_id', '=', orgId)
    .execute();
}

/** Ended livestreams per KOS whose actual end falls in `[from, to)` (the `sessions` metric). */
export async function endedSessions(db: Db, orgId: string, from: number, to: number, kosIds: readonly string[]) {
  const out = new Map<string, number>();
  if (kosIds.length === 0) return out;
  const rows = await db
    .selectFrom('livestreams')
    .select(['kos_id', sql<number | string>`count(*)`.as('n')])
    .where('org_id', '=', orgId)
    .where('status', '=', 'ended')
    .where('actual_end', '>=', from)
    .where('actual_end', '<', to)
    .groupBy('kos_id')
    .execute();
  const wanted = new Set(kosIds);
  for (const r of rows) if (wanted.has(r.kos_id)) out.set(r.kos_id, Number(r.n));
  return out;
}

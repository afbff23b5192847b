import { type Db, withTransaction } from '../../db/database.js';
import { conflict, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { problem } from '../../lib/problems/problem.js';
import { dayStart } from '../../lib/time.js';
import { ADMINS, type Principal, requireRole } from '../access/access.js';
import { bookBonuses } from '../ledger/ledger.service.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { contestAwards, type PlannedAward } from './awards.js';
import { closableFrom } from './contests.js';
import * as repo from './contests.repository.js';
import type { AwardOut } from './contests.schema.js';
import { findVisibleContest, presentAwards } from './contests.service.js';
import type { StandingRow } from './standings.js';
import { computeStandings, loadRoster } from './standings.service.js';

/** The standings of a contest: live while it is open, the frozen ones of its close after (docs/contests.md). */
export async function getStandings(db: Db, principal: Principal, id: string): Promise<{ rows: StandingRow[] }> {
  const { contest, roster } = await findVisibleContest(db, principal, id);
  if (contest.frozen) return { rows: contest.frozen.rows };
  const org = await getOrgOrThrow(db, principal.orgId);
  return { rows: (await computeStandings(db, org, contest, roster)).rows };
}

/** The ledger reason of an award: the contest, the award and, in a unit contest, the unit. */
function reasonOf(contestName: string, award: PlannedAward, row: StandingRow | undefined): string {
  const unit = award.unitId && row ? ` (${row.name})` : '';
  const what = award.kind === 'prize' ? `prize for rank ${award.rank}` : `target ${row?.target} reached`;
  return `Contest "${contestName}": ${what}${unit}`;
}

/**
 * Closes a contest once (docs/contests.md): 409 before its last day has ended in the org's zone; the
 * first close freezes the standings and books one `bonus` entry per award, eligible at the close; a
 * later or simultaneous close books nothing and answers the same awards (`created` false).
 */
export async function closeContest(
  db: Db,
  principal: Principal,
  id: string,
  now = Date.now(),
): Promise<{ created: boolean; awards: AwardOut[] }> {
  requireRole(principal, ADMINS);
  const org = await getOrgOrThrow(db, principal.orgId);
  const found = await repo.findContest(db, org.id, id);
  if (!found) throw notFound('contest');
  const from = closableFrom(found.to);
  if (found.closedAt === null && now < dayStart(from, org.timezone))
    throw conflict(
      problem('contest.close.not_ended', { to: found.to, closableFrom: from }),
      `the contest runs until ${found.to}: it can be closed from ${from}`,
    );
  const created = await withTransaction(db, async (trx) => {
    const contest = await repo.findContest(trx, org.id, id);
    if (!contest || contest.closedAt !== null) return false;
    const live = await computeStandings(trx, org, contest);
    // The conditional update decides which close wins; a loser books nothing.
    if (!(await repo.markClosed(trx, org.id, id, { rows: live.rows, kosIds: live.kosIds }, now))) return false;
    const planned = contestAwards(live.rows, contest.prizes, contest.targets, live.members);
    const rowOf = (a: PlannedAward) => live.rows.find((r) => (a.unitId ? r.unitId === a.unitId : r.kosId === a.kosId));
    const entryIds = await bookBonuses(
      trx,
      org,
      planned.map((a) => ({
        kosId: a.kosId,
        amountMinor: a.amountMinor,
        reason: reasonOf(contest.name, a, rowOf(a)),
      })),
      now,
      principal.memberId ?? principal.apiKeyId,
      now,
    );
    await repo.insertAwards(
      trx,
      org.id,
      id,
      planned.map((a, i) => ({ ...a, id: newId(), entryId: entryIds[i] as string })),
      now,
    );
    return true;
  });
  const awards = (await repo.awardsOf(db, [id])).get(id) ?? [];
  return { created, awards: presentAwards(awards, await loadRoster(db, org.id)) };
}

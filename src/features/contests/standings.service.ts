import type { Db } from '../../db/database.js';
import { addDays, dayStart } from '../../lib/time.js';
import { kosMetricValues } from '../analytics/analytics.service.js';
import { unitPath } from '../units/units.js';
import { listOrgUnits } from '../units/units.service.js';
import { takesPart } from './contests.js';
import * as repo from './contests.repository.js';
import { rankStandings, type StandingRow, unitCompetitors } from './standings.js';

/** A KOS of the org with what participation and the standings need. */
export interface KosFacts {
  id: string;
  code: string;
  name: string;
  status: string;
  unitId: string | null;
  unitPath: string[];
  relationship: string;
  tier: string | null;
}

/** The org's KOS and units, read once per request. */
export interface OrgRoster {
  kos: KosFacts[];
  units: { id: string; name: string; kind: string; parentId: string | null }[];
}

export async function loadRoster(db: Db, orgId: string): Promise<OrgRoster> {
  const units = await listOrgUnits(db, orgId);
  const kos = (await repo.orgKos(db, orgId)).map((k) => ({ ...k, unitPath: unitPath(units, k.unitId) }));
  return { kos, units };
}

/** The KOS taking part in an open contest now (docs/contests.md: active and matching every non-empty list). */
export const participantsNow = (contest: repo.ContestRecord, roster: OrgRoster): KosFacts[] =>
  roster.kos.filter((k) => takesPart(contest.participants, k));

/** The standings as they are now, who takes part, and each competing unit's participating KOS. */
export interface LiveStandings {
  rows: StandingRow[];
  kosIds: string[];
  members: Map<string, string[]>;
}

/**
 * Live standings (docs/contests.md): the metric per participating KOS over [from 00:00, to + 1 00:00)
 * in the org's zone (docs/metrics.md definitions; `sessions` = ended livestreams by actual end), ranked
 * per KOS or summed per unit of the contest's kind.
 */
export async function computeStandings(
  db: Db,
  org: { id: string; timezone: string },
  contest: repo.ContestRecord,
  roster?: OrgRoster,
): Promise<LiveStandings> {
  const { kos, units } = roster ?? (await loadRoster(db, org.id));
  const taking = participantsNow(contest, { kos, units });
  const ids = taking.map((k) => k.id);
  const range = { from: dayStart(contest.from, org.timezone), to: dayStart(addDays(contest.to, 1), org.timezone) };
  const values =
    contest.metric === 'sessions'
      ? await repo.endedSessions(db, org.id, range.from, range.to, ids)
      : await kosMetricValues(db, org, contest.metric, range, ids);
  const valueFor = (id: string) => values.get(id) ?? 0;
  if (contest.scope === 'kos') {
    const competitors = taking.map((k) => ({ kosId: k.id, code: k.code, name: k.name, value: valueFor(k.id) }));
    return { rows: rankStandings(competitors, contest.targets), kosIds: ids, members: new Map() };
  }
  const { competitors, members } = unitCompetitors(
    units,
    contest.unitKind ?? '',
    contest.participants.unitIds,
    taking.map((k) => ({ kosId: k.id, unitPath: k.unitPath, value: valueFor(k.id) })),
  );
  return { rows: rankStandings(competitors, contest.targets), kosIds: ids, members };
}

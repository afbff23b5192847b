import type { Db } from '../../db/database.js';
import type { Principal } from '../access/access.js';
import { requireRole, requireUnitInScope, STAFF } from '../access/access.js';
import { kosVisibility } from '../kos/kos.service.js';
import { subtreeIds } from '../units/units.js';
import { listOrgUnits, resolveScope } from '../units/units.service.js';
import * as repo from './training.repository.js';
import type { ReportOut } from './training.schema.js';
import { reportRows } from './training-report.js';

/**
 * `GET /training/report`: completion per course × the KOS's own unit × tier, over the KOS the caller sees
 * (a manager: their subtree), of `unitId`'s subtree when given (docs/training.md).
 */
export async function trainingReport(
  db: Db,
  principal: Principal,
  query: { courseId?: string; unitId?: string },
  now = Date.now(),
): Promise<ReportOut> {
  requireRole(principal, STAFF);
  let inUnit: Set<string> | null = null;
  if (query.unitId) {
    requireUnitInScope(await resolveScope(db, principal), query.unitId);
    inUnit = subtreeIds(await listOrgUnits(db, principal.orgId), query.unitId);
  }
  const visible = await kosVisibility(db, principal);
  const enrolments = (await repo.reportEnrolments(db, principal.orgId, query.courseId)).filter(
    (e) => visible({ id: e.kosId, unitId: e.unitId }) && (!inUnit || (e.unitId !== null && inUnit.has(e.unitId))),
  );
  return { rows: reportRows(enrolments, now) };
}

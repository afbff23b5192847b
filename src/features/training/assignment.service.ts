import { type Db, withTransaction } from '../../db/database.js';
import { lockName } from '../../db/locks.js';
import { newId } from '../../lib/ids.js';
import { onKosChanged } from '../kos/kos-events.js';
import type { UnitNode } from '../units/units.js';
import { subtreeIds } from '../units/units.js';
import { listOrgUnits } from '../units/units.service.js';
import { type Audience, dueAtOf, inAudience } from './training.js';
import * as repo from './training.repository.js';

/**
 * Assignment (docs/training.md): a published course is assigned once to every KOS of its audience — when
 * it is published, when its audience changes, and whenever a KOS enters the audience (the kos feature
 * tells us through `kosChanged`). The unique (course, KOS) index makes "once" hold under concurrency:
 * an assignment that exists already is left as it is, due date included.
 */

/** The units an audience covers: the subtrees of its `unitIds`. */
export function coveredUnits(units: readonly UnitNode[], audience: Audience): Set<string> {
  const covered = new Set<string>();
  for (const id of audience.unitIds) for (const unit of subtreeIds(units, id)) covered.add(unit);
  return covered;
}

/**
 * Serialises assignments of an org on PostgreSQL: a course published while a KOS enters its audience in
 * another transaction would otherwise see neither the other's course nor its KOS. Taken after the caller's
 * own writes, so whichever transaction comes second reads what the first committed.
 */
const lockAssignments = (trx: Db, orgId: string) => lockName(trx, `training-assignment:${orgId}`);

/** Assigns a published course to every KOS of its audience that has no enrolment in it yet. */
export async function assignCourse(db: Db, course: repo.CourseRecord, now: number): Promise<void> {
  if (!course.published) return;
  await withTransaction(db, async (trx) => {
    await lockAssignments(trx, course.orgId);
    const covered = coveredUnits(await listOrgUnits(trx, course.orgId), course.audience);
    const matching = (await repo.audienceFacts(trx, course.orgId)).filter((k) => inAudience(course.audience, covered, k));
    await repo.insertEnrolments(
      trx,
      course.orgId,
      matching.map((k) => ({
        id: newId(),
        courseId: course.id,
        kosId: k.id,
        assignedAt: now,
        dueAt: dueAtOf(now, course.dueDays),
      })),
    );
  });
}

/** Assigns every published course of the org whose audience these KOS are in now (after a KOS change). */
export async function assignToKos(db: Db, orgId: string, kosIds: readonly string[], now = Date.now()): Promise<void> {
  await withTransaction(db, async (trx) => {
    await lockAssignments(trx, orgId);
    const courses = await repo.publishedCourses(trx, orgId);
    if (courses.length === 0) return;
    const units = await listOrgUnits(trx, orgId);
    const kos = await repo.audienceFacts(trx, orgId, kosIds);
    const rows = courses.flatMap((course) => {
      const covered = coveredUnits(units, course.audience);
      return kos
        .filter((k) => inAudience(course.audience, covered, k))
        .map((k) => ({ id: newId(), courseId: course.id, kosId: k.id, assignedAt: now, dueAt: dueAtOf(now, course.dueDays) }));
    });
    await repo.insertEnrolments(trx, orgId, rows);
  });
}

// Registered when this module loads: the app (routes → services), the demo loader and the CLI import it.
onKosChanged((db, orgId, kosIds) => assignToKos(db, orgId, kosIds));

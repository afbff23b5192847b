import { type Db, withTransaction } from '../../db/database.js';
import { conflict, type DomainError, type FieldError, fieldError, invalidFields, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Page, PageQuery } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import { toIso } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { EDITORS, requireRole, systemPrincipal } from '../access/access.js';
import { accountCreate } from '../accounts/accounts.schema.js';
import { createAccount } from '../accounts/accounts.service.js';
import type { Kos } from '../kos/kos.schema.js';
import { kosCreate } from '../kos/kos.schema.js';
import { createKos, getKosOrThrow } from '../kos/kos.service.js';
import { driveVisibility, findOwnDrive } from './drives.service.js';
import { checkMove, emailKey, maskEmail, maskPhone, phoneKey } from './recruitment.js';
import * as repo from './recruitment.repository.js';
import type { Application, ApplicationIn, ApplicationListQuery, ApplicationPatch, ConvertIn } from './recruitment.schema.js';
import { scoreApplication } from './screening-score.js';

/** An application as the caller reads it: the score's detail from the drive's criteria; a viewer's phone and email masked. */
function present(a: repo.ApplicationRecord, drive: repo.DriveRecord, principal: Principal): Application {
  const scored = scoreApplication(drive.criteria, a, drive.categories);
  const masked = principal.role === 'viewer';
  return {
    id: a.id,
    driveId: a.driveId,
    name: a.name,
    phone: masked ? maskPhone(a.phone) : a.phone,
    email: masked ? maskEmail(a.email) : a.email,
    masked,
    province: a.province,
    relationship: a.relationship,
    accounts: a.accounts,
    categories: a.categories,
    salesMinor: a.salesMinor,
    coverage: a.coverage,
    answers: a.answers,
    assessments: a.assessments,
    score: a.scoreTenths / 10,
    passScore: drive.passScore,
    criteria: scored.criteria.map(({ key, label, source, weight, value, s, points }) => ({
      key,
      label,
      source,
      weight,
      value,
      s,
      points,
    })),
    status: a.status,
    kosId: a.kosId,
    history: a.history.map((h) => ({ ...h, at: toIso(h.at) })),
    createdAt: toIso(a.createdAt),
    updatedAt: toIso(a.updatedAt),
  };
}

/**
 * Stores an application of the public form for an open drive (the route has checked it is open and the
 * honeypot empty): 422 for a relationship the drive does not recruit, 409 when the email or the phone
 * already applied to the drive. Answers to questions the drive does not ask are dropped.
 */
export async function submitApplication(
  db: Db,
  drive: repo.DriveRecord,
  input: ApplicationIn,
  now = Date.now(),
): Promise<{ id: string; status: 'new' }> {
  const errors: FieldError[] = [];
  const relationship = input.relationship ?? (drive.relationships.length === 1 ? drive.relationships[0] : undefined);
  if (!relationship) errors.push(fieldError('relationship', problem('field.required'), 'is required'));
  else if (!drive.relationships.includes(relationship))
    errors.push(
      fieldError(
        'relationship',
        problem('application.relationship.not_offered'),
        'must be one of the relationships this drive recruits',
      ),
    );
  if (errors.length || !relationship) throw invalidFields(errors);
  const keys = { email: emailKey(input.email), phone: phoneKey(input.phone) };
  const taken = await repo.duplicatesIn(db, drive.id, keys.email, keys.phone);
  if (taken.email)
    throw conflict(problem('application.email.duplicate'), 'this e-mail has already applied to this drive', 'email');
  if (taken.phone)
    throw conflict(problem('application.phone.duplicate'), 'this phone number has already applied to this drive', 'phone');
  const asked = new Set(drive.questions.map((q) => q.key));
  const answers = Object.fromEntries(Object.entries(input.answers).filter(([key]) => asked.has(key)));
  const applicant = {
    salesMinor: input.salesMinor ?? null,
    coverage: input.coverage ?? null,
    accounts: input.accounts,
    categories: input.categories,
    answers,
    assessments: {},
  };
  const id = newId();
  await withTransaction(db, (trx) =>
    repo.insertApplication(
      trx,
      {
        id,
        orgId: drive.orgId,
        driveId: drive.id,
        name: input.name,
        phone: input.phone,
        email: input.email,
        phoneKey: keys.phone,
        emailKey: keys.email,
        province: input.province || null,
        relationship,
        ...applicant,
        scoreTenths: scoreApplication(drive.criteria, applicant, drive.categories).tenths,
        status: 'new',
        history: [{ status: 'new', at: now, by: null, note: null }],
      },
      now,
    ),
  );
  return { id, status: 'new' };
}

/** Offsets as opaque cursors (the list is sorted by score, not by id). */
const offsetOf = (cursor: string | undefined) => (cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) || 0 : 0);
const cursorOf = (offset: number) => Buffer.from(String(offset), 'utf8').toString('base64url');

/** Applications of the drives the caller sees, by score (highest first), then oldest first. */
export async function listApplications(
  db: Db,
  principal: Principal,
  query: PageQuery & ApplicationListQuery,
): Promise<Page<Application>> {
  const visible = await driveVisibility(db, principal);
  const drives = new Map<string, repo.DriveRecord>();
  if (query.driveId) {
    const drive = await findOwnDrive(db, principal, query.driveId);
    drives.set(drive.id, drive);
  } else {
    let after: string | undefined;
    for (;;) {
      const batch = await repo.listDrives(db, principal.orgId, { after, limit: 500 });
      for (const d of batch) if (visible(d.unitId)) drives.set(d.id, d);
      if (batch.length < 500) break;
      after = batch.at(-1)?.id;
    }
  }
  const offset = offsetOf(query.cursor);
  const rows = await repo.listApplications(db, principal.orgId, {
    driveIds: [...drives.keys()],
    status: query.status,
    minTenths: query.minScore === undefined ? undefined : Math.ceil(query.minScore * 10 - 1e-9),
    offset,
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit).map((a) => present(a, drives.get(a.driveId) as repo.DriveRecord, principal));
  return { items, nextCursor: rows.length > query.limit ? cursorOf(offset + query.limit) : null };
}

async function findOwnApplication(db: Db, principal: Principal, id: string) {
  const application = await repo.findApplication(db, principal.orgId, id);
  if (!application) throw notFound('application');
  const drive = await findOwnDrive(db, principal, application.driveId);
  return { application, drive };
}

export async function getApplicationOrThrow(db: Db, principal: Principal, id: string): Promise<Application> {
  const { application, drive } = await findOwnApplication(db, principal, id);
  return present(application, drive, principal);
}

/**
 * Marks assessments (re-scoring the application) and moves it along the pipeline (docs/recruitment.md
 * "Pipeline"): the move is checked against the score after this request's assessments.
 */
export async function patchApplication(
  db: Db,
  principal: Principal,
  id: string,
  patch: ApplicationPatch,
  now = Date.now(),
): Promise<Application> {
  const { application: a, drive } = await findOwnApplication(db, principal, id);
  requireRole(principal, EDITORS);
  const assessments = { ...a.assessments };
  const assessable = new Set(drive.criteria.filter((c) => c.source === 'assessment').map((c) => c.key));
  const errors: FieldError[] = [];
  for (const [key, mark] of Object.entries(patch.assessments ?? {})) {
    if (!assessable.has(key))
      errors.push(
        fieldError(
          `assessments.${key}`,
          problem('application.assessment.not_assessment'),
          'is not an assessment criterion of this drive',
        ),
      );
    else if (mark === null) delete assessments[key];
    else assessments[key] = mark;
  }
  if (errors.length) throw invalidFields(errors);
  const { tenths } = scoreApplication(drive.criteria, { ...a, assessments }, drive.categories);
  const history = [...a.history];
  let status = a.status;
  if (patch.status !== undefined && patch.status !== a.status) {
    const note = patch.note ?? null;
    const check = checkMove(a.status, patch.status, {
      scoreTenths: tenths,
      passScore: drive.passScore,
      override: patch.override === true,
      note,
    });
    if (!check.ok) throw moveError(check.reason, a.status, patch.status, check.allowed, tenths / 10, drive.passScore);
    status = patch.status;
    history.push({ status, at: now, by: principal.memberId ?? principal.apiKeyId, note });
  }
  await withTransaction(db, (trx) =>
    repo.updateApplication(trx, principal.orgId, id, { status, assessments, scoreTenths: tenths, history }, now),
  );
  return getApplicationOrThrow(db, principal, id);
}

function moveError(
  reason: 'final' | 'transition' | 'override',
  from: string,
  to: string,
  allowed: string[],
  score: number,
  passScore: number,
): DomainError {
  if (reason === 'final')
    return conflict(problem('application.status.final', { from }), `the application is ${from}, which is final`, 'status');
  if (reason === 'transition')
    return invalidFields([
      fieldError(
        'status',
        problem('application.status.transition', { from, to, allowed }),
        `cannot move from ${from} to ${to} (allowed: ${allowed.join(', ')})`,
      ),
    ]);
  return invalidFields([
    fieldError(
      'override',
      problem('application.accept.override_required', { score, passScore }),
      `the score ${score} is below the pass score ${passScore}: accepting needs override true and a note`,
    ),
  ]);
}

/**
 * Converts an accepted application, once, into an `onboarding` KOS with one platform account per listed
 * account (docs/recruitment.md "Conversion"), all in one transaction: a clash of code, handle or account
 * answers 409 naming it and creates nothing.
 */
export async function convertApplication(
  db: Db,
  principal: Principal,
  id: string,
  input: ConvertIn,
  now = Date.now(),
): Promise<Kos> {
  const { application: a, drive } = await findOwnApplication(db, principal, id);
  requireRole(principal, EDITORS);
  if (a.kosId) throw await convertedBefore(db, principal.orgId, a.kosId);
  if (a.status !== 'accepted')
    throw conflict(
      problem('application.convert.not_accepted', { status: a.status }),
      `only an accepted application converts into a KOS (this one is ${a.status})`,
      'status',
    );
  const contacts = { phone: /^\+?[0-9 .()-]{6,20}$/.test(a.phone) ? a.phone : undefined, email: a.email };
  return withTransaction(db, async (trx) => {
    if (!(await repo.claimForConversion(trx, principal.orgId, id, now))) {
      const again = await repo.findApplication(trx, principal.orgId, id);
      throw await convertedBefore(trx, principal.orgId, again?.kosId ?? '');
    }
    const kos = await createKos(
      trx,
      principal,
      kosCreate.parse({
        code: input.code,
        handle: input.handle ?? input.code.toLowerCase(),
        name: a.name,
        relationship: a.relationship,
        unitId: input.unitId !== undefined ? input.unitId : drive.unitId,
        status: 'onboarding',
        categories: a.categories.slice(0, 50),
        contacts,
      }),
      now,
      'conversion',
    );
    for (const account of a.accounts)
      await createAccount(
        trx,
        principal,
        kos.id,
        accountCreate.parse({ platform: account.platform, handle: account.handle, followers: account.followers }),
        now,
      );
    await repo.setKosId(trx, principal.orgId, id, kos.id);
    return kos;
  });
}

/** 409 naming the KOS an application was converted into. */
async function convertedBefore(db: Db, orgId: string, kosId: string): Promise<DomainError> {
  const kos = await getKosOrThrow(db, systemPrincipal(orgId), kosId).catch(() => null);
  const code = kos?.code ?? kosId;
  return conflict(
    problem('application.convert.done', { code, kosId }),
    `this application was converted before, into KOS ${code} (${kosId})`,
  );
}

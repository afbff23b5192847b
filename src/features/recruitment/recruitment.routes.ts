import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import { pageQuery, pageSchema } from '../../lib/pagination.js';
import { idParams } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { kosOut } from '../kos/kos.schema.js';
import { qrSvg } from '../links/qr.js';
import * as applications from './applications.service.js';
import * as drives from './drives.service.js';
import {
  applicationListQuery,
  applicationOut,
  applicationPatch,
  convertIn,
  driveCreate,
  driveOut,
  drivePatch,
} from './recruitment.schema.js';

/** The recruitment API (docs/recruitment.md); the public form is in apply.routes.ts. */
export function registerRecruitmentRoutes(router: Router<Principal>, { database, config }: AppDeps): void {
  const { db } = database;
  const ctx = { publicUrl: config.publicUrl };
  const tags = ['recruitment'];
  router.route({
    method: 'GET',
    url: '/api/v1/recruitment/drives',
    summary: 'List recruitment drives',
    tags,
    query: pageQuery,
    response: pageSchema(driveOut),
    handler: ({ auth, query }) => drives.listDrives(db, ctx, auth, query),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/recruitment/drives',
    summary: 'Create a recruitment drive',
    description:
      'Without `criteria`, the default of seed 003 (sales 30, coverage 20, newMedia 25, followers 15, categoryFit 10); ' +
      'an organisation in another currency than VND or CNY must give its criteria (422).',
    tags,
    status: 201,
    body: driveCreate,
    response: driveOut,
    handler: ({ auth, body }) => drives.createDrive(db, ctx, auth, body),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/recruitment/drives/:id',
    summary: 'Get a recruitment drive with its application counts',
    tags,
    params: idParams,
    response: driveOut,
    handler: ({ auth, params }) => drives.getDriveOrThrow(db, ctx, auth, params.id),
  });
  router.route({
    method: 'PATCH',
    url: '/api/v1/recruitment/drives/:id',
    summary: 'Change a recruitment drive',
    description: 'New `criteria` or `categories` score every application of the drive again.',
    tags,
    params: idParams,
    body: drivePatch,
    response: driveOut,
    handler: ({ auth, params, body }) => drives.patchDrive(db, ctx, auth, params.id, body),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/recruitment/drives/:id/qr.svg',
    summary: 'QR code of the drive’s public form (SVG), for posters',
    tags,
    params: idParams,
    response: null,
    produces: 'image/svg+xml',
    status: 200,
    handler: async ({ auth, params, reply }) => {
      const drive = await drives.getDriveOrThrow(db, ctx, auth, params.id);
      reply
        .type('image/svg+xml')
        .header('cache-control', 'private, max-age=300')
        .send(await qrSvg(drive.applyUrl));
    },
  });
  router.route({
    method: 'GET',
    url: '/api/v1/recruitment/applications',
    summary: 'List applications, by score (highest first), then oldest first',
    description: 'A viewer reads phone and email masked.',
    tags,
    query: pageQuery.extend(applicationListQuery.shape),
    response: pageSchema(applicationOut),
    handler: ({ auth, query }) => applications.listApplications(db, auth, query),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/recruitment/applications/:id',
    summary: 'Get an application with its score per criterion and its history',
    tags,
    params: idParams,
    response: applicationOut,
    handler: ({ auth, params }) => applications.getApplicationOrThrow(db, auth, params.id),
  });
  router.route({
    method: 'PATCH',
    url: '/api/v1/recruitment/applications/:id',
    summary: 'Mark assessments and move an application along the pipeline',
    description:
      'new, screening and interview move to any later status or to withdrawn; accepted, rejected and withdrawn are final (409). ' +
      'Accepting below the pass score needs `override: true` and a `note` (422). Assessments only for assessment criteria (422).',
    tags,
    params: idParams,
    body: applicationPatch,
    response: applicationOut,
    handler: ({ auth, params, body }) => applications.patchApplication(db, auth, params.id, body),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/recruitment/applications/:id/convert',
    summary: 'Convert an accepted application into an onboarding KOS with its accounts (once)',
    tags,
    status: 201,
    params: idParams,
    body: convertIn,
    response: kosOut,
    handler: ({ auth, params, body }) => applications.convertApplication(db, auth, params.id, body),
  });
}

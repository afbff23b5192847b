import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import { pageQuery, pageSchema } from '../../lib/pagination.js';
import { idParams } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { closeContest, getStandings } from './close.service.js';
import { closeOut, contestCreate, contestListQuery, contestOut, contestPatch, standingsOut } from './contests.schema.js';
import * as contests from './contests.service.js';

/** Contests: leaderboards and PK contests, their standings and their close (docs/contests.md). */
export function registerContestRoutes(router: Router<Principal>, { database }: AppDeps): void {
  const { db } = database;
  const tags = ['contests'];
  router.route({
    method: 'GET',
    url: '/api/v1/contests',
    summary: 'List contests, oldest first',
    description:
      'A manager or viewer with a unit sees contests with a participating KOS of their subtree; a `kos` member, those they take part in.',
    tags,
    query: pageQuery.extend(contestListQuery.shape),
    response: pageSchema(contestOut),
    handler: ({ auth, query }) => contests.listContests(db, auth, query),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/contests',
    summary: 'Create a contest (owner, admin)',
    tags,
    status: 201,
    body: contestCreate,
    response: contestOut,
    handler: ({ auth, body }) => contests.createContest(db, auth, body),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/contests/:id',
    summary: 'Get a contest with its status and, once closed, its awards',
    tags,
    params: idParams,
    response: contestOut,
    handler: ({ auth, params }) => contests.getContestOrThrow(db, auth, params.id),
  });
  router.route({
    method: 'PATCH',
    url: '/api/v1/contests/:id',
    summary: 'Change a contest until it is closed (409 after)',
    tags,
    params: idParams,
    body: contestPatch,
    response: contestOut,
    handler: ({ auth, params, body }) => contests.patchContest(db, auth, params.id, body),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/contests/:id/standings',
    summary: 'Standings: live while open, frozen at the close',
    description:
      'Value descending, then KOS code or unit name; equal values share a rank (1, 1, 3). `value` in minor units for netSales and gmv.',
    tags,
    params: idParams,
    response: standingsOut,
    handler: ({ auth, params }) => getStandings(db, auth, params.id),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/contests/:id/close',
    summary: 'Close a contest once, booking a bonus ledger entry per award',
    description: '409 before the last day has ended (org time zone); 201 the first time, 200 with the same awards after.',
    tags,
    status: 201,
    params: idParams,
    response: closeOut,
    handler: async ({ auth, params, setStatus }) => {
      const { created, awards } = await closeContest(db, auth, params.id);
      if (!created) setStatus(200);
      return { awards };
    },
  });
}

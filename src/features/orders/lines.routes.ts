import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import { pageQuery, pageSchema } from '../../lib/pagination.js';
import { idParams, toIso } from '../../lib/schemas.js';
import { dayStart } from '../../lib/time.js';
import type { Principal } from '../access/access.js';
import { kosCodes } from '../kos/kos.service.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import type { StoredLine } from './lines.js';
import { type LineOut, lineDetailOut, lineListQuery, lineOut, linePatch } from './lines.schema.js';
import * as service from './lines.service.js';

/** A stored line as the API shows it (times ISO, the attributed KOS's code beside its id). */
export function presentLine(line: StoredLine, codes: ReadonlyMap<string, string>): LineOut {
  const { orgId: _org, ...rest } = line;
  return {
    ...rest,
    orderTime: toIso(line.orderTime),
    completedTime: line.completedTime === null ? null : toIso(line.completedTime),
    kosCode: line.kosId ? (codes.get(line.kosId) ?? null) : null,
    createdAt: toIso(line.createdAt),
    updatedAt: toIso(line.updatedAt),
  };
}

export function registerLineRoutes(router: Router<Principal>, { database }: AppDeps): void {
  const { db } = database;
  const tags = ['lines'];
  const bound = (value: string | undefined, tz: string) =>
    value === undefined ? undefined : value.length === 10 ? dayStart(value, tz) : Date.parse(value);
  router.route({
    method: 'GET',
    url: '/api/v1/lines',
    summary: 'Order lines (`attributed=false`: the manual-assignment queue)',
    tags,
    description: '`from`/`to` are days in the org time zone (or ISO date-times), `[from, to)` by order time.',
    query: pageQuery.extend(lineListQuery.shape),
    response: pageSchema(lineOut),
    handler: async ({ auth, query }) => {
      const org = await getOrgOrThrow(db, auth.orgId);
      const page = await service.listLines(db, auth, {
        ...query,
        from: bound(query.from, org.timezone),
        to: bound(query.to, org.timezone),
        attributed: query.attributed === undefined ? undefined : query.attributed === 'true',
      });
      const codes = await kosCodes(
        db,
        auth.orgId,
        page.items.map((l) => l.kosId),
      );
      return { items: page.items.map((l) => presentLine(l, codes)), nextCursor: page.nextCursor };
    },
  });
  router.route({
    method: 'GET',
    url: '/api/v1/lines/:id',
    summary: 'An order line with its history',
    tags,
    params: idParams,
    response: lineDetailOut,
    handler: async ({ auth, params }) => {
      const line = await service.getLineOrThrow(db, auth, params.id);
      const history = await service.lineHistory(db, line);
      const codes = await kosCodes(db, auth.orgId, [line.kosId]);
      return { ...presentLine(line, codes), history: history.map((h) => ({ ...h, at: toIso(h.at) })) };
    },
  });
  router.route({
    method: 'PATCH',
    url: '/api/v1/lines/:id',
    summary: 'Assign a line to a KOS by hand (null: unassign)',
    tags,
    description: 'A manual assignment is never changed by a later import.',
    params: idParams,
    body: linePatch,
    response: lineOut,
    handler: async ({ auth, params, body }) => {
      const line = await service.assignLine(db, auth, params.id, body.kosId);
      return presentLine(line, await kosCodes(db, auth.orgId, [line.kosId]));
    },
  });
}

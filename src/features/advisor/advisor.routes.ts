import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import type { Principal } from '../access/access.js';
import { advisorOut, advisorQuery } from './advisor.schema.js';
import * as service from './advisor.service.js';

export function registerAdvisorRoutes(router: Router<Principal>, { database }: AppDeps): void {
  const { db } = database;
  router.route({
    method: 'GET',
    url: '/api/v1/advisor/platforms',
    summary: 'The seven selling platforms ranked for a goal, with the reasons in words',
    description:
      'Over the last 90 days org-wide: a platform with at least 30 orders (in the category when given; for new_customers, orders whose buyer is known to be new or not) is scored on the org’s own figures (`basis: org`), the others from the priors of the org’s market, capped at the lowest org-based score (`basis: prior`). Reasons in `lang`, else the org’s locale. docs/advisor.md.',
    tags: ['advisor'],
    query: advisorQuery,
    response: advisorOut,
    handler: ({ auth, query }) => service.platformAdvice(db, auth, query),
  });
}

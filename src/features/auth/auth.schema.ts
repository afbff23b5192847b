import { z } from 'zod';
import { email } from '../../lib/schemas.js';
import { ROLES } from '../access/access.js';
import { memberOut } from '../members/members.schema.js';
import { orgOut } from '../orgs/orgs.schema.js';

export const loginBody = z.object({ email, password: z.string().min(1).max(200) });

/** The caller (`GET /api/v1/me`, and the answer of a login): a member or an API key, its role, scope and org. */
export const meOut = z.object({
  kind: z.enum(['member', 'api_key']),
  role: z.enum(ROLES),
  orgId: z.string(),
  unitId: z.string().nullable(),
  kosId: z.string().nullable(),
  apiKeyId: z.string().nullable(),
  member: memberOut.nullable(),
  org: orgOut,
});
export type Me = z.infer<typeof meOut>;

import { z } from 'zod';
import { id } from '../../lib/schemas.js';
import { keyed } from '../../lib/zod-problems.js';
import { ROLES } from '../access/access.js';

export const apiKeyCreate = z.object({
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES).refine((r) => r !== 'kos', keyed('api_key.role.kos', 'API keys cannot have role kos')),
  unitId: id.nullable().optional(),
});
export const apiKeyOut = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  unitId: z.string().nullable(),
  prefix: z.string(),
  createdAt: z.string(),
});
/** The create answer: the only time the key itself is shown. */
export const apiKeyCreated = apiKeyOut.extend({ key: z.string() });
export type ApiKey = z.infer<typeof apiKeyOut>;
export type ApiKeyCreate = z.infer<typeof apiKeyCreate>;

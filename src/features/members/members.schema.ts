import { z } from 'zod';
import { email, id } from '../../lib/schemas.js';
import { ROLES } from '../access/access.js';

const password = z.string().min(8, 'must be at least 8 characters').max(200);
export const memberCreate = z.object({
  email,
  name: z.string().trim().min(1).max(200).optional(),
  password: password.optional(),
  role: z.enum(ROLES),
  unitId: id.nullable().optional(),
  kosId: id.nullable().optional(),
});
export const memberPatch = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  password: password.optional(),
  role: z.enum(ROLES).optional(),
  unitId: id.nullable().optional(),
  kosId: id.nullable().optional(),
});
export const memberOut = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  unitId: z.string().nullable(),
  kosId: z.string().nullable(),
  hasPassword: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Member = z.infer<typeof memberOut>;
export type MemberCreate = z.infer<typeof memberCreate>;
export type MemberPatch = z.infer<typeof memberPatch>;

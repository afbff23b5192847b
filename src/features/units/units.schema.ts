import { z } from 'zod';
import { id } from '../../lib/schemas.js';
import { UNIT_KINDS } from './units.js';

const name = z.string().trim().min(1).max(200);
export const unitCreate = z.object({ name, kind: z.enum(UNIT_KINDS), parentId: id.nullable().optional() });
export const unitPatch = z.object({
  name: name.optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  parentId: id.nullable().optional(),
});
export const unitListQuery = z.object({ parentId: id.optional(), kind: z.enum(UNIT_KINDS).optional() });
export const unitOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  parentId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof unitOut>;
export type UnitCreate = z.infer<typeof unitCreate>;
export type UnitPatch = z.infer<typeof unitPatch>;

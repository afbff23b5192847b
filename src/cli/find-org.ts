import type { Db } from '../db/database.js';
import { findOrgBySlug } from '../features/orgs/orgs.service.js';

/** The organisation a command names by `--org <slug>`; an unknown slug stops the command with one line. */
export async function orgBySlugOrThrow(db: Db, slug: string): Promise<{ id: string; slug: string }> {
  const org = await findOrgBySlug(db, slug);
  if (!org) throw new Error(`no organisation with slug "${slug}"`);
  return org;
}

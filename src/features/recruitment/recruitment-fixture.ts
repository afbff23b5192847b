import { expect } from 'vitest';
import type { TestContext, TestOrg } from '../../../test/support/app.js';

/** Test fixture (not a test file): an org with two regions, keys of a north manager and a viewer, and helpers. */
export interface RecruitmentFixture {
  org: TestOrg;
  north: string;
  south: string;
  manager: string;
  viewer: string;
}

let n = 0;
/** A slug no other test of the run uses (slugs are unique in the instance). */
export const uniqueSlug = (base: string) => `${base}-${++n}-${Math.random().toString(36).slice(2, 7)}`;

export async function recruitmentFixture(
  t: TestContext,
  overrides: Parameters<TestContext['newOrg']>[0] = {},
): Promise<RecruitmentFixture> {
  const org = await t.newOrg(overrides);
  const post = async (url: string, body: object) => {
    const res = await t.call(org.apiKey, 'POST', url, body);
    expect(res.statusCode, `${url} ${res.body}`).toBe(201);
    return res.json();
  };
  const north = (await post('/api/v1/units', { name: 'Miền Bắc', kind: 'region' })).id as string;
  const south = (await post('/api/v1/units', { name: 'Miền Nam', kind: 'region' })).id as string;
  const manager = (await post('/api/v1/api-keys', { name: 'north manager', role: 'manager', unitId: north })).key as string;
  const viewer = (await post('/api/v1/api-keys', { name: 'viewer', role: 'viewer' })).key as string;
  return { org, north, south, manager, viewer };
}

/** A JSON application body that passes validation. */
export const applicant = (i: number, extra: Record<string, unknown> = {}) => ({
  name: `Nguyễn Thị Lan ${i}`,
  phone: `09123456${String(i).padStart(2, '0')}`,
  email: `lan${i}@example.vn`,
  consent: true,
  ...extra,
});

import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';

describe.each(DIALECTS)('links: roles and unit scope on %s', (dialect) => {
  const t = useTestApp(dialect);

  test('viewers read but cannot write; a manager sees and changes only the links of their subtree; 401 without a key', async () => {
    const org = await t.newOrg();
    const unit = async (name: string) => (await t.call(org.apiKey, 'POST', '/api/v1/units', { name, kind: 'region' })).json().id;
    const [north, south] = [await unit('Bắc'), await unit('Nam')];
    const kos = async (code: string, unitId: string) =>
      (
        await t.call(org.apiKey, 'POST', '/api/v1/kos', {
          code,
          handle: `${code.toLowerCase()}-${org.slug}`,
          name: code,
          relationship: 'agent',
          unitId,
        })
      ).json().id;
    const [kn, ks] = [await kos('NORTH1', north), await kos('SOUTH1', south)];
    const key = async (role: string, unitId?: string) =>
      (await t.call(org.apiKey, 'POST', '/api/v1/api-keys', { name: role, role, unitId })).json().key;
    const viewer = await key('viewer');
    const manager = await key('manager', north);
    const northLink = (await t.call(manager, 'POST', '/api/v1/links', { kosId: kn, destinationUrl: 'https://e.com/n' })).json();
    expect(northLink.kosId).toBe(kn);
    const southLink = (
      await t.call(org.apiKey, 'POST', '/api/v1/links', { kosId: ks, destinationUrl: 'https://e.com/s' })
    ).json();

    expect((await t.call(null, 'GET', '/api/v1/links')).statusCode).toBe(401);
    expect((await t.call(viewer, 'GET', '/api/v1/links')).json().items).toHaveLength(2);
    expect((await t.call(viewer, 'POST', '/api/v1/links', { kosId: kn, destinationUrl: 'https://e.com/' })).statusCode).toBe(403);
    expect((await t.call(viewer, 'PATCH', `/api/v1/links/${northLink.id}`, { disabled: true })).statusCode).toBe(403);

    expect((await t.call(manager, 'GET', '/api/v1/links')).json().items.map((l: { id: string }) => l.id)).toEqual([northLink.id]);
    expect((await t.call(manager, 'GET', `/api/v1/links/${southLink.id}`)).statusCode).toBe(403);
    expect((await t.call(manager, 'PATCH', `/api/v1/links/${southLink.id}`, { disabled: true })).statusCode).toBe(403);
    expect((await t.call(manager, 'POST', '/api/v1/links', { kosId: ks, destinationUrl: 'https://e.com/' })).statusCode).toBe(
      403,
    );
    expect((await t.call(manager, 'GET', `/api/v1/links/${southLink.id}/qr.svg`)).statusCode).toBe(403);

    const other = await t.newOrg();
    expect((await t.call(other.apiKey, 'GET', `/api/v1/links/${northLink.id}`)).statusCode).toBe(404);
    expect((await t.call(other.apiKey, 'PATCH', `/api/v1/links/${northLink.id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await t.call(other.apiKey, 'GET', '/api/v1/links')).json().items).toEqual([]);
  });

  test('422 names each invalid field', async () => {
    const org = await t.newOrg();
    const res = await t.call(org.apiKey, 'POST', '/api/v1/links', {
      destinationUrl: 'ftp://x',
      expiresAt: 'tomorrow',
      disabled: 'no',
    });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['destinationUrl', 'disabled', 'expiresAt', 'kosId']);
    const unknownKos = await t.call(org.apiKey, 'POST', '/api/v1/links', { kosId: 'nope', destinationUrl: 'https://e.com/' });
    expect(unknownKos.statusCode).toBe(404);
  });
});

import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, test } from 'vitest';
import { MAX_JSON_DEPTH } from '../src/lib/json-depth.js';
import { useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';
import { expectProblem } from './support/problem.js';
import { sample, seedSampleOrg, uploadReport } from './support/samples.js';

const DEEP = 200_000;

/** No line stored; an import record, if imports keep one for a file error, is not a finished one. */
function expectNothingStored(imports: LightMyRequestResponse, lines: LightMyRequestResponse): void {
  expect(lines.json().items).toEqual([]);
  for (const record of imports.json().items) {
    expect(record.status).not.toBe('done');
    expect(record.inserted).toBe(0);
  }
}
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** The sample Lazada report's records, as `{result:{data:[…]}}` text after `patch` changed them. */
function lazadaReport(patch: (records: Record<string, string>[]) => void): Buffer {
  const document = JSON.parse(sample('lazada.json').toString('utf8'));
  patch(document.result.data);
  return Buffer.from(JSON.stringify(document));
}

/** The key and params of a NUL refused by the input guard (docs/errors.md). */
const NUL_KEY = { key: 'field.nul', params: {} };

describe.each(DIALECTS)('NUL characters and deep JSON through the API on %s', (dialect) => {
  const t = useTestApp(dialect);
  const lan = { code: 'NULK1', handle: 'nul-k1', name: 'Lan', relationship: 'independent' };

  test('NUL in a path parameter → 422 naming the parameter', async () => {
    const org = await t.newOrg();
    const body = expectProblem(await t.call(org.apiKey, 'GET', '/api/v1/kos/%00'), 422, 'invalid');
    expect(body.errors).toEqual([{ path: 'id', message: 'must not contain NUL characters', ...NUL_KEY }]);
  });

  test('NUL in a query value → 422 naming the query parameter', async () => {
    const org = await t.newOrg();
    const body = expectProblem(await t.call(org.apiKey, 'GET', '/api/v1/lines?kosId=a%00b'), 422, 'invalid');
    expect(body.errors).toEqual([{ path: 'kosId', message: 'must not contain NUL characters', ...NUL_KEY }]);
  });

  test('NUL in a body string → 422 naming its path; nothing stored', async () => {
    const org = await t.newOrg();
    const named = expectProblem(await t.call(org.apiKey, 'POST', '/api/v1/kos', { ...lan, name: 'a\u0000b' }), 422, 'invalid');
    expect(named.errors).toEqual([{ path: 'name', message: 'must not contain NUL characters', ...NUL_KEY }]);
    const nested = await t.call(org.apiKey, 'POST', '/api/v1/kos', { ...lan, categories: ['ok', 'x\u0000'] });
    expect(expectProblem(nested, 422, 'invalid').errors).toEqual([
      { path: 'categories.1', message: 'must not contain NUL characters', ...NUL_KEY },
    ]);
    expect((await t.call(org.apiKey, 'GET', '/api/v1/kos')).json().items).toEqual([]);
  });

  test('a lone surrogate in a body string → 422 (the databases would store it differently); pairs are kept', async () => {
    const org = await t.newOrg();
    const res = await t.call(org.apiKey, 'POST', '/api/v1/kos', { ...lan, name: 'a\uD800b', bio: '\uDFFF' });
    expect(expectProblem(res, 422, 'invalid').errors).toEqual([
      {
        path: 'name',
        message: 'must not contain unpaired surrogates (malformed Unicode)',
        key: 'field.lone_surrogate',
        params: {},
      },
      {
        path: 'bio',
        message: 'must not contain unpaired surrogates (malformed Unicode)',
        key: 'field.lone_surrogate',
        params: {},
      },
    ]);
    const emoji = await t.call(org.apiKey, 'POST', '/api/v1/kos', { ...lan, name: 'Lan 💄', bio: '\uD83D\uDE00' });
    expect(emoji.statusCode).toBe(201);
    expect(emoji.json()).toMatchObject({ name: 'Lan 💄', bio: '😀' });
  });

  test('NUL in a PATCH body, a repeated query value or an object key → 422 naming where', async () => {
    const org = await t.newOrg();
    const kos = (await t.call(org.apiKey, 'POST', '/api/v1/kos', lan)).json();
    const patch = await t.call(org.apiKey, 'PATCH', `/api/v1/kos/${kos.id}`, { contacts: { zalo: '\u0000' } });
    expect(expectProblem(patch, 422, 'invalid').errors).toEqual([
      { path: 'contacts.zalo', message: 'must not contain NUL characters', ...NUL_KEY },
    ]);
    const repeated = await t.call(org.apiKey, 'GET', '/api/v1/lines?kosId=a&kosId=b%00');
    expect(expectProblem(repeated, 422, 'invalid').errors).toEqual([
      { path: 'kosId.1', message: 'must not contain NUL characters', ...NUL_KEY },
    ]);
    const key = await t.call(org.apiKey, 'PATCH', `/api/v1/kos/${kos.id}`, { contacts: { 'za\u0000lo': 'x' } });
    expect(expectProblem(key, 422, 'invalid').errors).toEqual([
      { path: 'contacts', message: 'keys must not contain NUL characters', key: 'field.key_nul', params: {} },
    ]);
    expect((await t.call(org.apiKey, 'GET', `/api/v1/kos/${kos.id}`)).json().updatedAt).toBe(kos.updatedAt);
  });

  test(`a body nested ${DEEP} deep → 422 naming the limit, and the app still answers`, async () => {
    const org = await t.newOrg();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kos',
      headers: { authorization: `Bearer ${org.apiKey}`, 'content-type': 'application/json' },
      payload: deepArray(DEEP),
    });
    const body = expectProblem(res, 422, 'invalid');
    expect(body.detail).toContain(`${MAX_JSON_DEPTH} levels`);
    expect(body.errors).toEqual([
      {
        path: 'body',
        message: expect.stringContaining(`${MAX_JSON_DEPTH} levels`),
        key: 'field.too_deep',
        params: { maxDepth: MAX_JSON_DEPTH },
      },
    ]);
    expect((await t.call(null, 'GET', '/health')).statusCode).toBe(200);
  });

  test('a body nested exactly to the limit is parsed (and then validated as usual)', async () => {
    const org = await t.newOrg();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kos',
      headers: { authorization: `Bearer ${org.apiKey}`, 'content-type': 'application/json' },
      payload: deepArray(MAX_JSON_DEPTH),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).not.toContain('levels');
  });

  test('a Lazada JSON report with NUL in fields: the same counts on both databases', async () => {
    const org = await seedSampleOrg(t, `${dialect}-nul`);
    const file = lazadaReport((records) => {
      const [first, second, third] = records as [Record<string, string>, Record<string, string>, Record<string, string>];
      first.skuName = 'Sữa rửa mặt\u0000\u0000'; // free text: the NULs are dropped
      first.categoryL1 = '\u0000'; // NUL padding alone: no value
      second.subOrderId = '1370470\u000019770'; // an id: the row is refused, naming the field
      third.skuName = 'Serum \uD83D'; // a lone surrogate in free text: shown as U+FFFD
    });
    const res = await uploadReport(t, org.apiKey, 'lazada', file, 'lazada-nul.json');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ rows: 3, inserted: 2, rejected: 1 });
    expect(res.json().errors).toEqual([
      { row: 2, field: 'subOrderId', message: 'contains a NUL character (U+0000)', key: 'import.cell.nul', params: {} },
    ]);
    const lines = (await t.call(org.apiKey, 'GET', '/api/v1/lines?limit=10')).json().items;
    const minh = lines.find((l: { orderId: string }) => l.orderId === 'LZ1000001');
    expect(minh).toMatchObject({ productName: 'Sữa rửa mặt', category: null, kosCode: 'MINH02' });
    const lan = lines.find((l: { orderId: string }) => l.orderId === 'LZ1000003');
    expect(lan).toMatchObject({ productName: 'Serum \uFFFD', kosCode: 'LAN01' });
  });

  test(`a JSON report nested ${DEEP} deep → 422 file error naming the limit; nothing stored`, async () => {
    const org = await t.newOrg();
    const file = Buffer.from(`{"result":{"data":[{"orderId":"LZ1","x":${deepArray(DEEP)}}]}}`);
    const res = await uploadReport(t, org.apiKey, 'lazada', file, 'deep.json');
    const body = expectProblem(res, 422, 'invalid');
    expect(body.errors).toEqual([
      {
        path: 'file',
        message: `the JSON is nested deeper than ${MAX_JSON_DEPTH} levels`,
        key: 'import.file.json_too_deep',
        params: { maxDepth: MAX_JSON_DEPTH },
      },
    ]);
    expectNothingStored(await t.call(org.apiKey, 'GET', '/api/v1/imports'), await t.call(org.apiKey, 'GET', '/api/v1/lines'));
  });

  test('a JSON report with a raw NUL byte → 422 "malformed JSON" showing it as \\u0000; nothing stored', async () => {
    const org = await t.newOrg();
    const res = await uploadReport(t, org.apiKey, 'lazada', Buffer.from('[{"orderId":"LZ1"},\u0000]'), 'nul.json');
    const body = expectProblem(res, 422, 'invalid');
    expect(body.detail).toMatch(/^malformed JSON: .*\\u0000/);
    expectNothingStored(await t.call(org.apiKey, 'GET', '/api/v1/imports'), await t.call(org.apiKey, 'GET', '/api/v1/lines'));
  });
});

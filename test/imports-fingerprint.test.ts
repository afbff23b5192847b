import { describe, expect, test } from 'vitest';
import { useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';
import { uploadReport } from './support/samples.js';

// The line fingerprint (migration 0021, docs/imports.md "Speed"): a re-imported line whose fingerprint
// is the stored one and that gains no match is `unchanged`; any other is compared field by field, as
// before — the statuses are the same either way.
const HEADER = 'platform,orderId,lineKey,status,orderTime,completedTime,quantity,grossMinor,netMinor,currency,kosCode\r\n';
const rows = (net2: number) =>
  [
    'website,F-1,1,completed,2026-11-01 10:00:00,2026-11-03 10:00:00,1,1000,1000,VND,',
    `website,F-2,1,pending,2026-11-01 11:00:00,,1,2000,${net2},VND,`,
    'website,F-3,1,completed,2026-11-01 12:00:00,,1,3000,3000,VND,', // completion resolved from the stored line
    'website,F-4,1,pending,2026-11-01 13:00:00,,1,4000,4000,VND,FPR01', // no such KOS yet: unattributed
  ].join('\r\n');
const file = (net2 = 2000) => Buffer.from(`${HEADER}${rows(net2)}\r\n`);

describe.each(DIALECTS)('re-import by fingerprint on %s', (dialect) => {
  const t = useTestApp(dialect);

  const prints = async (orgId: string) =>
    (
      await t.db.database.db
        .selectFrom('order_lines')
        .select(['order_id', 'fingerprint', 'attribution'])
        .where('org_id', '=', orgId)
        .orderBy('order_id')
        .execute()
    ).map((r) => [r.order_id, r.fingerprint, r.attribution]);

  test('unchanged by fingerprint, a new match still found, unchanged without one, updated after a change', async () => {
    const org = await t.newOrg();
    const upload = async (body: Buffer) => (await uploadReport(t, org.apiKey, 'generic', body, 'f.csv')).json();
    expect(await upload(file())).toMatchObject({ status: 'done', inserted: 4 });
    const first = await prints(org.orgId);
    expect(first.every(([, fingerprint]) => typeof fingerprint === 'string')).toBe(true);

    expect(await upload(file())).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });

    // An unattributed line with the same fingerprint that now matches a KOS code is updated, as before.
    const kos = await t.call(org.apiKey, 'POST', '/api/v1/kos', {
      code: 'FPR01',
      handle: `fpr-${org.slug}`,
      name: 'F',
      relationship: 'agent',
    });
    expect(kos.statusCode).toBe(201);
    expect(await upload(file())).toMatchObject({ inserted: 0, updated: 1, unchanged: 3 });
    expect((await prints(org.orgId))[3]).toEqual(['F-4', expect.any(String), 'code']);
    expect(await upload(file())).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });

    // Lines stored before migration 0021 have no fingerprint: compared field by field, still unchanged,
    // and given theirs (only that column changes).
    const printed = await prints(org.orgId);
    await t.db.database.db.updateTable('order_lines').set({ fingerprint: null }).where('org_id', '=', org.orgId).execute();
    expect(await upload(file())).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
    expect(await prints(org.orgId)).toEqual(printed);

    // A changed amount: updated, and its fingerprint written anew.
    await t.db.database.db
      .updateTable('order_lines')
      .set({ fingerprint: 'stale:print' })
      .where('org_id', '=', org.orgId)
      .execute();
    expect(await upload(file(2500))).toMatchObject({ inserted: 0, updated: 1, unchanged: 3 });
    const changed = await prints(org.orgId);
    expect(changed[1]?.[1]).not.toBe('stale:print');
    expect(changed[1]?.[1]).not.toBe(first[1]?.[1]);
    expect(await upload(file(2500))).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });

    // The fingerprint alone decides (the store is its only writer, and writes both): a stored amount
    // edited behind its back, its fingerprint kept, is not read.
    await t.db.database.db.updateTable('order_lines').set({ net_minor: 999 }).where('order_id', '=', 'F-2').execute();
    expect(await upload(file(2500))).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
  });
});

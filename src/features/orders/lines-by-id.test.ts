import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { type Dataset, generateDataset } from '../../../test/support/rollup-dataset.js';
import { completedLineIds, lineLabels } from './lines.service.js';

// Lines looked up by id (a month close, statements) go by the primary key; the org is checked on the rows.
describe.each(DIALECTS)('lines by id on %s', (dialect) => {
  let db: TestDatabase;
  let a: Dataset;
  let b: Dataset;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    const options = { timezone: 'Asia/Ho_Chi_Minh', start: '2026-02-01', days: 5, orders: 40, clicks: 0 };
    a = await generateDataset(db.database.db, { ...options, slug: 'byid-a', seed: 1 });
    b = await generateDataset(db.database.db, { ...options, slug: 'byid-b', seed: 2 });
  }, 120_000);
  afterAll(() => db.drop());

  test("an org's completed lines and labels, never another org's, whatever ids are asked for", async () => {
    const ids = [...a.lines, ...b.lines].map((l) => l.id);
    const completed = await completedLineIds(db.database.db, a.orgId, ids);
    expect([...completed].sort()).toEqual(
      a.lines
        .filter((l) => l.status === 'completed')
        .map((l) => l.id)
        .sort(),
    );
    expect(completed.size).toBeGreaterThan(0);
    const labels = await lineLabels(db.database.db, b.orgId, ids);
    expect([...labels.keys()].sort()).toEqual(b.lines.map((l) => l.id).sort());
    const line = b.lines[0];
    if (!line) throw new Error('no line');
    expect(labels.get(line.id)).toBe(`${line.platform} ${line.orderId}${line.sku ? ` · ${line.sku}` : ''}`);
  });
});

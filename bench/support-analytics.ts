// Data of bench/analytics.ts, written in bulk: units, links, order lines, raw clicks and their link_daily
// and link_monthly rows. SQLite: one prepared statement per table in 20 000-row transactions; PostgreSQL: INSERT … SELECT
// FROM unnest(arrays), 20 000 rows a statement (the COPY-like path without a COPY client).
import { sql } from 'kysely';
import { sqliteTransactionHandle } from '../src/db/bulk-insert.js';
import type { Database, Db } from '../src/db/database.js';
import { DAY_MS } from '../src/lib/time.js';
import { seededRandom } from './support-common.js';

type PgType = 'text' | 'bigint' | 'integer';
type Value = string | number | null;
const BATCH = 20_000;

/** Writes rows of `columns` (name and PostgreSQL type) into `table`, batch by batch as `rows` yields them. */
export async function writeRows(database: Database, table: string, columns: [string, PgType][], rows: Iterable<Value[]>) {
  const db = database.db;
  let batch: Value[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    if (database.dialect.name === 'sqlite') {
      await db.transaction().execute(async (trx) => {
        const handle = sqliteTransactionHandle(trx);
        if (!handle) throw new Error('no SQLite handle');
        const text = `insert into "${table}" (${columns.map(([c]) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`;
        const statement = handle.database.prepare(text);
        for (const row of current) statement.run(row);
      });
      return;
    }
    const arrays = columns.map(([, type], i) => sql`${current.map((r) => r[i] ?? null)}::${sql.raw(type)}[]`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map(([c]) => sql.ref(c)))})
      select * from unnest(${sql.join(arrays)})`.execute(db);
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
}

export interface Shape {
  orgId: string;
  kosIds: string[];
  unitIds: string[];
  /** Two links per KOS: [linkId, kosId]. */
  links: [string, string][];
  /** Local days (numbers) of the 12 months: `[firstDay, lastDay]`, in a fixed-offset zone (+07:00). */
  firstDay: number;
  lastDay: number;
}

export const OFFSET_MS = 7 * 3_600_000;

/** 20 units, KOS spread over them; two links per KOS. */
export async function unitsAndLinks(database: Database, orgId: string): Promise<Pick<Shape, 'kosIds' | 'unitIds' | 'links'>> {
  const db: Db = database.db;
  const now = Date.now();
  const unitIds = Array.from({ length: 20 }, (_, i) => `bench-unit-${i}`);
  await db
    .insertInto('units')
    .values(
      unitIds.map((id, i) => ({
        id,
        org_id: orgId,
        name: `Store ${i}`,
        kind: 'store',
        parent_id: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  const kos = await db.selectFrom('kos').select('id').where('org_id', '=', orgId).orderBy('id').execute();
  const kosIds = kos.map((k) => k.id);
  for (const [i, unitId] of unitIds.entries()) {
    const slice = kosIds.filter((_, k) => k % unitIds.length === i);
    for (let at = 0; at < slice.length; at += 500)
      await db
        .updateTable('kos')
        .set({ unit_id: unitId })
        .where('id', 'in', slice.slice(at, at + 500))
        .execute();
  }
  const links: [string, string][] = kosIds.flatMap((kosId, k) => [0, 1].map((j) => [`bl-${k}-${j}`, kosId] as [string, string]));
  await writeRows(
    database,
    'links',
    [
      ['id', 'text'],
      ['org_id', 'text'],
      ['kos_id', 'text'],
      ['slug', 'text'],
      ['destination_url', 'text'],
      ['disabled', 'integer'],
      ['created_at', 'bigint'],
      ['updated_at', 'bigint'],
    ],
    links.map(([id, kosId]) => [id, orgId, kosId, id, 'https://example.com/', 0, now, now]),
  );
  return { kosIds, unitIds, links };
}

const LINE_COLUMNS: [string, PgType][] = [
  ['id', 'text'],
  ['org_id', 'text'],
  ['source', 'text'],
  ['order_id', 'text'],
  ['line_key', 'text'],
  ['platform', 'text'],
  ['status', 'text'],
  ['raw_status', 'text'],
  ['order_time', 'bigint'],
  ['sku', 'text'],
  ['quantity', 'integer'],
  ['gross_minor', 'bigint'],
  ['net_minor', 'bigint'],
  ['refund_minor', 'bigint'],
  ['currency', 'text'],
  ['sub_ids', 'text'],
  ['new_buyer', 'integer'],
  ['kos_id', 'text'],
  ['attribution', 'text'],
  ['link_id', 'text'],
  ['created_at', 'bigint'],
  ['updated_at', 'bigint'],
];

/** `count` lines in orders of 1–3 lines (1.4 on average), spread evenly over the shape's days. */
export function* lines(shape: Shape, count: number): Generator<Value[]> {
  const r = seededRandom(21);
  const statuses = { unpaid: 5, pending: 20, completed: 55, cancelled: 12, returned: 8 };
  const platforms = { shopee: 50, tiktok_shop: 35, lazada: 15 };
  const span = (shape.lastDay + 1 - shape.firstDay) * DAY_MS;
  const start = shape.firstDay * DAY_MS - OFFSET_MS;
  let n = 0;
  for (let order = 0; n < count; order++) {
    const size = Math.min(count - n, r.chance(0.7) ? 1 : r.chance(0.67) ? 2 : 3);
    const time = start + Math.floor(r.next() * span);
    const platform = r.weighted(platforms);
    const link = r.chance(0.9) ? r.pick(shape.links) : null;
    const newBuyer = platform === 'tiktok_shop' ? null : r.chance(0.3) ? 1 : 0;
    for (let k = 0; k < size; k++, n++) {
      const status = r.weighted(statuses);
      const quantity = r.int(1, 3);
      const gross = quantity * 1000 * r.int(50, 900);
      const refund = status === 'completed' && r.chance(0.05) ? 10_000 : 0;
      yield [
        `bl${n}`,
        shape.orgId,
        platform,
        `BO${order}`,
        `${k}`,
        platform,
        status,
        status,
        time,
        `SKU-${r.int(1, 200)}`,
        quantity,
        gross,
        Math.floor(gross * 0.92),
        refund,
        'VND',
        '[]',
        newBuyer,
        link?.[1] ?? null,
        link ? 'click' : 'none',
        link && r.chance(0.7) ? link[0] : null,
        time,
        time,
      ];
    }
  }
}

/**
 * `count` raw clicks spread evenly over the shape's days (5 % bots, 85 % of the rest unique), and the
 * link_daily rows they add up to — written day by day so memory stays flat.
 */
export async function clicksAndDaily(database: Database, shape: Shape, count: number): Promise<{ daily: number }> {
  const r = seededRandom(31);
  const days = shape.lastDay + 1 - shape.firstDay;
  let id = 0;
  let dailyRows = 0;
  for (let d = 0; d < days; d++) {
    const day = shape.firstDay + d;
    const start = day * DAY_MS - OFFSET_MS;
    const perDay = Math.floor(count / days) + (d < count % days ? 1 : 0);
    const daily = new Map<string, [string, number, number, number]>();
    const clicks: Value[][] = [];
    for (let i = 0; i < perDay; i++) {
      const [linkId, kosId] = r.pick(shape.links);
      const bot = r.chance(0.05);
      const unique = !bot && r.chance(0.85);
      clicks.push([
        `c${String(id++).padStart(9, '0')}`,
        shape.orgId,
        linkId,
        kosId,
        start + Math.floor(r.next() * DAY_MS),
        `v${r.int(1, 1e6)}`,
        'mobile',
        bot ? 1 : 0,
        unique ? 1 : 0,
      ]);
      const sums = daily.get(linkId) ?? [kosId, 0, 0, 0];
      if (bot) sums[3] += 1;
      else {
        sums[1] += 1;
        if (unique) sums[2] += 1;
      }
      daily.set(linkId, sums);
    }
    await writeRows(
      database,
      'clicks',
      [
        ['click_id', 'text'],
        ['org_id', 'text'],
        ['link_id', 'text'],
        ['kos_id', 'text'],
        ['clicked_at', 'bigint'],
        ['visitor_hash', 'text'],
        ['device', 'text'],
        ['is_bot', 'integer'],
        ['is_unique', 'integer'],
      ],
      clicks,
    );
    const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    await writeRows(
      database,
      'link_daily',
      [
        ['link_id', 'text'],
        ['day', 'text'],
        ['org_id', 'text'],
        ['kos_id', 'text'],
        ['clicks', 'bigint'],
        ['unique_clicks', 'bigint'],
        ['bots', 'bigint'],
      ],
      [...daily].map(([linkId, [kosId, c, u, b]]) => [linkId, date, shape.orgId, kosId, c, u, b]),
    );
    dailyRows += daily.size;
  }
  // link_monthly: the same counts per link and month (the click ingester keeps both in one transaction).
  await sql`
    insert into link_monthly (link_id, month, org_id, kos_id, clicks, unique_clicks, bots)
    select link_id, substr(day, 1, 7), min(org_id), min(kos_id), sum(clicks), sum(unique_clicks), sum(bots)
    from link_daily where org_id = ${shape.orgId} group by link_id, substr(day, 1, 7)`.execute(database.db);
  return { daily: dailyRows };
}

export { LINE_COLUMNS };

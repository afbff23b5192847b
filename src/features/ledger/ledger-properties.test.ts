import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { signedWebhookRequest } from '../../../test/support/webhook-signing.js';
import { applyBps } from '../../lib/money-math.js';
import { ENTRY_KINDS, ENTRY_STATUSES, type EntryState, reconcileLine } from './ledger.js';

describe('reconcileLine (pure properties)', () => {
  const entry = fc.record({
    kind: fc.constantFrom(...ENTRY_KINDS),
    status: fc.constantFrom(...ENTRY_STATUSES),
    amountMinor: fc.integer({ min: -5_000_000, max: 5_000_000 }),
  });
  const history = fc.array(entry, { maxLength: 8 }).map((list): EntryState[] => list.map((e, i) => ({ ...e, id: `e${i}` })));
  const live = (list: readonly EntryState[]) => list.filter((e) => e.status !== 'void');
  const total = (list: readonly EntryState[]) => live(list).reduce((s, e) => s + e.amountMinor, 0);

  /** Applies the actions as book-lines does; fails on an action that touches anything but a pending entry. */
  function apply(entries: readonly EntryState[], target: number, earning: boolean): EntryState[] {
    const after = entries.map((e) => ({ ...e }));
    for (const action of reconcileLine(entries, target, earning)) {
      if (action.type === 'create') {
        expect(action.kind === 'sale' ? action.amountMinor >= 0 : action.amountMinor < 0).toBe(true);
        after.push({ id: `n${after.length}`, kind: action.kind, status: 'pending', amountMinor: action.amountMinor });
        continue;
      }
      const e = after.find((x) => x.id === action.id);
      expect(e?.status).toBe('pending');
      if (action.type === 'void') (e as EntryState).status = 'void';
      else (e as EntryState).amountMinor = action.amountMinor;
    }
    return after;
  }

  test('Σ non-void entries after the actions = target; approved and paid entries are never updated or voided', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: -5_000_000, max: 5_000_000 }), fc.boolean(), (entries, target, earning) => {
        const after = apply(entries, target, earning);
        expect(total(after)).toBe(target);
        for (const [i, e] of entries.entries()) if (e.status !== 'pending') expect(after[i]).toEqual(e);
        if (earning && target >= 0 && live(entries).length === 0)
          expect(live(after).filter((e) => e.kind === 'sale')).toHaveLength(1);
      }),
      { numRuns: 2000 },
    );
  });

  test('an earning line with at most one pending sale is settled: reconciling again does nothing', () => {
    const settled = history.filter((l) => l.filter((e) => e.kind === 'sale' && e.status === 'pending').length <= 1);
    fc.assert(
      fc.property(settled, fc.integer({ min: 0, max: 5_000_000 }), (entries, target) => {
        expect(reconcileLine(apply(entries, target, true), target, true)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});

// ---- the same invariants end to end, through the webhook, PATCH /lines, closes and payments ----

const SECRET = 'ledger-properties-secret-0123';
const KOS = ['KOSA1', 'KOSB2', 'KOSC3'] as const;
const LINES = 4;
const STATUSES = ['pending', 'completed', 'cancelled', 'returned'] as const;
type Status = (typeof STATUSES)[number];
type Event =
  | { type: 'push'; line: number; status: Status; net: number; refundShare: number; day: number }
  | { type: 'assign'; line: number; kos: number }
  | { type: 'close'; period: '2026-09' | '2026-10' }
  | { type: 'settle'; pick: number[] };
type Entry = {
  id: string;
  kosId: string;
  kind: string;
  status: string;
  amountMinor: number;
  lineId: string | null;
  payoutId: string | null;
};
type Payout = { id: string; status: string; grossMinor: number; withheldMinor: number; netMinor: number; entryIds: string[] };
interface ModelLine {
  kos: number;
  status: Status;
  net: number;
  refund: number;
}

/** Per payout (by position): 0 leave it, 1 approve a draft or pay an approved one, 2 approve and pay. */
const settle = fc.record({ type: fc.constant('settle' as const), pick: fc.array(fc.nat(2), { minLength: 6, maxLength: 6 }) });
const event: fc.Arbitrary<Event> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('push' as const),
      line: fc.nat(LINES - 1),
      status: fc.constantFrom<Status>('completed', 'completed', 'completed', 'pending', 'cancelled', 'returned'),
      net: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30_000_000 })),
      refundShare: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
      day: fc.integer({ min: 1, max: 30 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('assign' as const), line: fc.nat(LINES - 1), kos: fc.nat(KOS.length - 1) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('close' as const),
      period: fc.constantFrom('2026-09' as const, '2026-10' as const),
    }),
  },
  { weight: 1, arbitrary: settle },
);
const scenario = fc.record({
  firstKos: fc.array(fc.nat(KOS.length - 1), { minLength: LINES, maxLength: LINES }),
  hot: fc.array(fc.boolean(), { minLength: LINES, maxLength: LINES }),
  // Events, then a close of September and payments, more events, October likewise, more events.
  events: fc
    .tuple(
      fc.array(event, { minLength: 3, maxLength: 8 }),
      settle,
      fc.array(event, { maxLength: 4 }),
      settle,
      fc.array(event, { maxLength: 4 }),
    )
    .map(([a, s1, b, s2, c]): Event[] => [
      ...a,
      { type: 'close', period: '2026-09' },
      s1,
      ...b,
      { type: 'close', period: '2026-10' },
      s2,
      ...c,
    ]),
});

/** The commission of a line's state: 10 % of net − refund, 15 % for SKU `HOT`, while pending or completed. */
const commission = (l: ModelLine, hot: boolean) =>
  l.status === 'pending' || l.status === 'completed' ? applyBps(l.net - l.refund, hot ? 1500 : 1000) : 0;

describe.each(DIALECTS)('ledger invariants under random line events on %s', (dialect) => {
  const t = useTestApp(dialect);
  let run = 0;

  test('entries follow lines, paid entries never change, payouts add up, closes are idempotent', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ firstKos, hot, events }) => {
        const suffix = `${dialect}-${++run}`;
        const org = await t.newOrg();
        const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: object, status?: number) => {
          const res = await t.call(org.apiKey, method, url, body);
          if (status !== undefined) expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
          return res.json();
        };
        await call('PATCH', '/api/v1/org', { webhookSecret: SECRET }, 200);
        const kosIds: string[] = [];
        for (const code of KOS) {
          const body = {
            code,
            handle: `${code}-${suffix}`.toLowerCase(),
            name: code,
            relationship: 'independent',
            status: 'active',
          };
          kosIds.push((await call('POST', '/api/v1/kos', body, 201)).id);
        }
        const plan = {
          name: 'P',
          validFrom: '2026-01-01',
          rateBps: 1000,
          overrides: [{ sku: 'HOT', rateBps: 1500 }],
          holdingDays: 5,
        };
        await call('POST', '/api/v1/plans', plan, 201);
        const ledger = async (): Promise<Entry[]> => (await call('GET', '/api/v1/ledger?limit=500')).items;
        const payouts = async (): Promise<Payout[]> => (await call('GET', '/api/v1/payouts?limit=500')).items;
        const model = new Map<number, ModelLine>();
        const lineIds = new Map<number, string>();
        const closed = new Map<string, unknown>();
        const paidSnapshot = new Map<string, Entry>();

        for (const ev of events) {
          if (ev.type === 'push') {
            const refund = Math.floor(ev.net * ev.refundShare);
            const done = ev.status === 'completed' || ev.status === 'returned';
            const body = {
              lines: [
                {
                  platform: 'website',
                  orderId: `O${ev.line}`,
                  status: ev.status,
                  orderTime: '2026-09-01T08:00:00+07:00',
                  ...(done ? { completedTime: `2026-09-${String(ev.day).padStart(2, '0')}T12:00:00+07:00` } : {}),
                  quantity: 1,
                  grossMinor: ev.net,
                  netMinor: ev.net,
                  ...(refund > 0 ? { refundMinor: refund } : {}),
                  currency: 'VND',
                  sku: hot[ev.line] ? 'HOT' : `SKU${ev.line}`,
                  kosCode: KOS[firstKos[ev.line] as number],
                },
              ],
            };
            const res = await t.app.inject(signedWebhookRequest(org.apiKey, SECRET, body, 'unique'));
            expect(res.statusCode, res.body).toBe(201);
            expect(res.json().errors).toEqual([]);
            const kos = model.get(ev.line)?.kos ?? (firstKos[ev.line] as number);
            const resolvedRefund = ev.status === 'returned' && refund <= 0 ? ev.net : refund;
            model.set(ev.line, { kos, status: ev.status, net: ev.net, refund: resolvedRefund });
          } else if (ev.type === 'assign') {
            const m = model.get(ev.line);
            if (!m) continue;
            let id = lineIds.get(ev.line);
            if (!id) {
              id = (await call('GET', '/api/v1/lines?limit=500')).items.find(
                (l: { orderId: string }) => l.orderId === `O${ev.line}`,
              ).id as string;
              lineIds.set(ev.line, id);
            }
            await call('PATCH', `/api/v1/lines/${id}`, { kosId: kosIds[ev.kos] }, 200);
            m.kos = ev.kos;
          } else if (ev.type === 'close') {
            const before = await ledger();
            const res = await t.call(org.apiKey, 'POST', '/api/v1/payouts/close', { period: ev.period });
            if (closed.has(ev.period)) {
              // Closing again answers the first close's payouts (as they are now) and books nothing.
              expect(res.statusCode).toBe(200);
              expect(res.json().payouts.map((p: Payout) => p.id)).toEqual(closed.get(ev.period));
              expect(await ledger()).toEqual(before);
            } else {
              expect(res.statusCode, res.body).toBe(201);
              closed.set(
                ev.period,
                res.json().payouts.map((p: Payout) => p.id),
              );
            }
          } else {
            for (const [i, p] of (await payouts()).entries()) {
              const pick = ev.pick[i % ev.pick.length] as number;
              let status = p.status;
              if (pick > 0 && status === 'draft') {
                status = (await call('POST', `/api/v1/payouts/${p.id}/approve`, undefined, 200)).status;
                if (pick === 1) continue;
              }
              if (pick > 0 && status === 'approved')
                await call('POST', `/api/v1/payouts/${p.id}/mark-paid`, { reference: `R-${p.id}` }, 200);
            }
            for (const e of await ledger()) if (e.status === 'paid' && !paidSnapshot.has(e.id)) paidSnapshot.set(e.id, e);
          }
        }

        const entries = await ledger();
        // Paid entries never change.
        for (const [id, e] of paidSnapshot) expect(entries.find((x) => x.id === id)).toEqual(e);
        // Per line and KOS, Σ non-void entries = the commission of the line's final state for its final KOS, else 0.
        const lines: { id: string; orderId: string; kosId: string | null }[] = (await call('GET', '/api/v1/lines?limit=500'))
          .items;
        expect(lines).toHaveLength(model.size);
        for (const [i, m] of model) {
          const stored = lines.find((l) => l.orderId === `O${i}`);
          expect(stored?.kosId).toBe(kosIds[m.kos]);
          for (const [k, kosId] of kosIds.entries()) {
            const sum = entries
              .filter((e) => e.lineId === stored?.id && e.kosId === kosId && e.status !== 'void')
              .reduce((s, e) => s + e.amountMinor, 0);
            expect(sum, `line O${i} KOS ${KOS[k]}`).toBe(k === m.kos ? commission(m, hot[i] as boolean) : 0);
          }
        }
        // Payouts add up: gross = Σ its entries, withheld + net = gross, no entry in two payouts.
        const all = await payouts();
        const seen = new Set<string>();
        for (const p of all) {
          const mine = entries.filter((e) => e.payoutId === p.id);
          expect([...p.entryIds].sort()).toEqual(mine.map((e) => e.id).sort());
          expect(p.grossMinor).toBe(mine.reduce((s, e) => s + e.amountMinor, 0));
          expect(p.withheldMinor + p.netMinor).toBe(p.grossMinor);
          expect(p.grossMinor).toBeGreaterThan(0);
          for (const e of mine) expect(e.status).toBe(p.status === 'paid' ? 'paid' : 'approved');
          for (const id of p.entryIds) {
            expect(seen.has(id)).toBe(false);
            seen.add(id);
          }
        }
        for (const e of entries) expect(e.payoutId === null).toBe(e.status === 'pending' || e.status === 'void');
        // Closing every closed period once more adds nothing.
        for (const period of closed.keys()) {
          expect((await t.call(org.apiKey, 'POST', '/api/v1/payouts/close', { period })).statusCode).toBe(200);
        }
        expect(await ledger()).toEqual(entries);
        expect(await payouts()).toEqual(all);
      }),
      // Stopped before the test's timeout, so that a failure found late still prints its counterexample
      // (shrinking it through the app can take minutes) instead of a bare "timed out".
      { numRuns: 30, interruptAfterTimeLimit: 100_000, markInterruptAsFailure: true },
    );
  }, 120_000);
});

import { createHmac } from 'node:crypto';
import type { TestServer } from '../support/server.js';

/**
 * Data for the money pages' browser tests (lines, ledger, payouts), made through the public API with an
 * owner API key — as an integration would — so test/support/server.ts stays as it is.
 */
export interface OwnerApi {
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** Uploads a generic-format CSV (POST /imports, synchronous) and answers its report. */
  importCsv(name: string, csv: string): Promise<{ inserted: number; rejected: number }>;
  /** Pushes canonical lines through the signed webhook (source `webhook`). */
  webhook(lines: readonly Record<string, unknown>[]): Promise<{ inserted: number; rejected: number }>;
}

/** Signs in as the owner (session cookie) once, to create an owner API key that does the rest. */
export async function ownerApi(server: TestServer): Promise<OwnerApi> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.ownerEmail, password: server.ownerPassword }),
  });
  if (!login.ok) throw new Error(`login: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const created = await fetch(`${server.url}/api/v1/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: server.url },
    body: JSON.stringify({ name: 'browser test seed', role: 'owner' }),
  });
  if (!created.ok) throw new Error(`api key: ${created.status} ${await created.text()}`);
  const { key } = (await created.json()) as { key: string };
  const auth = { authorization: `Bearer ${key}` };

  const send = async <T>(path: string, init: RequestInit): Promise<T> => {
    const res = await fetch(`${server.url}/api/v1${path}`, init);
    const text = await res.text();
    if (!res.ok) throw new Error(`${init.method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const call = <T>(method: string, path: string, body?: unknown) =>
    send<T>(path, {
      method,
      headers: body === undefined ? auth : { ...auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  let secret: string | null = null;
  return {
    call,
    importCsv: (name, csv) => {
      const form = new FormData();
      form.set('source', 'generic');
      form.set('file', new Blob([csv], { type: 'text/csv' }), name);
      return send(`/imports`, { method: 'POST', headers: auth, body: form });
    },
    webhook: async (lines) => {
      if (!secret) {
        secret = 'browser-test-webhook-secret-0123456789';
        await call('PATCH', '/org', { webhookSecret: secret });
      }
      const body = JSON.stringify({ lines });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
      return send('/webhooks/orders', {
        method: 'POST',
        headers: {
          ...auth,
          'content-type': 'application/json',
          'x-kos-timestamp': timestamp,
          'x-kos-signature': `sha256=${signature}`,
        },
        body,
      });
    },
  };
}

/** `YYYY-MM-DD HH:mm:ss` of a day `monthsBack` months before this one (org time zone, Asia/Ho_Chi_Minh). */
export function dayMonthsBack(monthsBack: number, day: number, time = '10:00:00'): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1 - monthsBack, 1));
  return `${first.toISOString().slice(0, 8)}${String(day).padStart(2, '0')} ${time}`;
}

export const GENERIC_HEADER =
  'platform,orderId,status,orderTime,completedTime,productName,sku,quantity,grossMinor,netMinor,currency,kosCode';

/** One generic CSV row; an empty `kosCode` leaves the line unattributed. */
export const genericRow = (l: {
  platform?: string;
  orderId: string;
  orderTime: string;
  kosCode?: string;
  netMinor?: number;
  product?: string;
}) =>
  [
    l.platform ?? 'shopee',
    l.orderId,
    'completed',
    l.orderTime,
    l.orderTime,
    l.product ?? 'Serum Hoa Sen',
    'SHS-30',
    1,
    l.netMinor ?? 200_000,
    l.netMinor ?? 200_000,
    'VND',
    l.kosCode ?? '',
  ].join(',');

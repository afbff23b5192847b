import type { TestServer } from '../support/server.js';

/**
 * Data the settings, me and dashboard tests add through the public API, as the owner: sign in, make an owner
 * API key, then call with it (a Bearer key needs no Origin header).
 */
export type Call = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;

export async function ownerApi(server: TestServer): Promise<Call> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: server.ownerEmail, password: server.ownerPassword }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const created = await fetch(`${server.url}/api/v1/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, cookie },
    body: JSON.stringify({ name: 'test seed', role: 'owner' }),
  });
  if (created.status !== 201) throw new Error(`seed key: ${created.status} ${await created.text()}`);
  const { key } = (await created.json()) as { key: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const isForm = body instanceof FormData;
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body && !isForm ? { 'content-type': 'application/json' } : {}) },
      body: isForm ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/** `YYYY-MM-DD HH:mm:ss` of `ms` on the wall clock of the test org (Asia/Ho_Chi_Minh). */
export function orgWallClock(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

export interface SeededSales {
  lanKosId: string;
  minhKosId: string;
  /** The day the lines were ordered (org time zone). */
  day: string;
}

/**
 * A link each for LAN01 (the KOS member's own) and MINH02 (someone else's), and order lines for both:
 * LAN01's on website and shopee, MINH02's on website, ordered five minutes ago.
 */
export async function seedSales(call: Call): Promise<SeededSales> {
  const { items } = await call<{ items: { id: string; code: string }[] }>('GET', '/kos?limit=50');
  const id = (code: string) => items.find((k) => k.code === code)?.id ?? '';
  const lanKosId = id('LAN01');
  const minhKosId = id('MINH02');
  await call('POST', '/links', { kosId: lanKosId, destinationUrl: 'https://shop.example/serum', title: 'Lan serum link' });
  await call('POST', '/links', { kosId: minhKosId, destinationUrl: 'https://shop.example/cream', title: 'Minh cream link' });
  const time = orgWallClock(Date.now() - 5 * 60_000);
  const csv = [
    'platform,orderId,status,orderTime,quantity,grossMinor,netMinor,currency,kosCode,sku,productName',
    `website,LANORDER1,completed,${time},1,300000,280000,VND,LAN01,SERUM1,Serum Hoa Sen`,
    `shopee,LANORDER2,cancelled,${time},1,150000,150000,VND,LAN01,SERUM1,Serum Hoa Sen`,
    `website,MINHORDER1,completed,${time},2,500000,450000,VND,MINH02,CREAM1,Kem Minh`,
  ].join('\n');
  const form = new FormData();
  form.set('source', 'generic');
  form.set('file', new Blob([csv], { type: 'text/csv' }), 'seed.csv');
  await call('POST', '/imports', form);
  return { lanKosId, minhKosId, day: time.slice(0, 10) };
}

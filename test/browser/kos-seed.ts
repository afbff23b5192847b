import type { TestServer } from '../support/server.js';

/** Calls the test server's API with an owner API key (made once per server through the owner's session). */
export type OwnerApi = <T>(method: string, path: string, body?: unknown) => Promise<T>;

async function ownerKey(server: TestServer): Promise<string> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: server.ownerEmail, password: server.ownerPassword }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!login.ok || !cookie) throw new Error(`owner login failed: ${login.status}`);
  const res = await fetch(`${server.url}/api/v1/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, cookie },
    body: JSON.stringify({ name: 'kos browser tests', role: 'owner' }),
  });
  if (!res.ok) throw new Error(`api key: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { key: string }).key;
}

export async function ownerApi(server: TestServer): Promise<OwnerApi> {
  const key = await ownerKey(server);
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
}

/** What the KOS page's tabs show for LAN01 beyond the shared seed: a tracked link and a categorised, taxed profile. */
export async function seedKosPages(server: TestServer): Promise<{ api: OwnerApi; shortUrl: string }> {
  const api = await ownerApi(server);
  const kosId = server.ids.lanKosId;
  const link = await api<{ shortUrl: string }>('POST', '/links', {
    kosId,
    destinationUrl: 'https://shop.example.com/serum-hoa-sen',
    title: 'Serum Hoa Sen',
  });
  await api('PATCH', `/kos/${kosId}`, {
    tier: 'A',
    categories: ['Làm đẹp'],
    voucherCodes: ['LANSALE'],
    taxProfile: { taxCode: '8123456789' },
    bio: 'Chuyên review mỹ phẩm.',
    contacts: { zalo: '0901234567' },
  });
  return { api, shortUrl: link.shortUrl };
}

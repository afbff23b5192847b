import { expect } from 'vitest';
import { loadDemoIfEmpty } from '../src/features/demo/demo.service.js';
import { DEMO_PASSWORD } from '../src/features/demo/demo-units.js';
import { type Caller, sessionCaller, type TestContext } from './support/app.js';

/**
 * Test fixture (not a test file) of test/portal-access.test.ts: the demo organisation (it holds a record of
 * every kind), its KOS member Lan (HCM01) logged in with a session cookie, and for each kind of record the id
 * of one of Lan's own and one of another KOS's (or of the org, for records that belong to no KOS).
 */
export interface PortalFixture {
  member: Caller;
  /** Lan's session cookie (the live room is read as a stream). */
  cookie: string;
  otherKosId: string;
  /** A catalogue product with a page (`url`), for Lan's own links. */
  productWithUrl: string;
  owner: Caller;
  ownKosId: string;
  /** Path parameter values by route (`GET /api/v1/links/{id}`) for Lan's own records. */
  own: Map<string, Record<string, string>>;
  /** The same for another KOS's records (or the org's), which Lan must not reach. */
  other: Map<string, Record<string, string>>;
}

type Item = Record<string, unknown> & { id: string };

/** A whole import mapping (staff make them; Lan may not). */
export const IMPORT_MAPPING = {
  name: 'portal_map',
  platform: 'website',
  format: 'csv',
  columns: { orderId: 'Order', status: 'Status', orderTime: 'Time', grossMinor: 'Gross', netMinor: 'Net' },
  amountUnit: 'minor',
  currency: 'VND',
};

export async function portalFixture(t: TestContext): Promise<PortalFixture> {
  const demo = await loadDemoIfEmpty(t.db.database.db);
  if (!demo?.apiKey) throw new Error('the demo must load into the test database');
  const key = demo.apiKey;
  const owner: Caller = (method, url, body) => t.call(key, method, url, body);
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'kos.lan@demo.kosmatrix.local', password: DEMO_PASSWORD },
  });
  expect(login.statusCode).toBe(200);
  const cookie = login.cookies.find((c) => c.name === 'kos_session')?.value ?? '';
  const member = sessionCaller(t.app, cookie);
  const ownKosId: string = (await member('GET', '/api/v1/me')).json().kosId;
  expect(ownKosId).toBeTruthy();

  const list = async (path: string): Promise<Item[]> => {
    const res = await owner('GET', path);
    expect(res.statusCode, path).toBe(200);
    const body = res.json();
    return (Array.isArray(body) ? body : (body.items ?? body.rows ?? [])) as Item[];
  };
  const first = async (path: string, where: (x: Item) => boolean = () => true): Promise<string> => {
    const found = (await list(path)).find(where);
    if (!found) throw new Error(`the demo has no record for ${path}`);
    return found.id;
  };
  const mine = (x: Item) => x.kosId === ownKosId;
  const theirs = (x: Item) => x.kosId !== ownKosId;

  const otherKosId = await first('/api/v1/kos?limit=500', (k) => k.id !== ownKosId && k.status === 'active');
  const ownAccount = await first(`/api/v1/kos/${ownKosId}/accounts`);
  const otherAccount = await first(`/api/v1/kos/${otherKosId}/accounts`);
  const ownStream = await first(`/api/v1/livestreams?kosId=${ownKosId}&limit=100`);
  const otherStream = await first('/api/v1/livestreams?limit=100', theirs);
  const enrolments = await list('/api/v1/enrolments?limit=100');
  const ownEnrolment = enrolments.find(mine);
  const otherEnrolment = enrolments.find((e) => theirs(e) && e.courseId !== ownEnrolment?.courseId);
  if (!ownEnrolment || !otherEnrolment) throw new Error('the demo has no enrolments');
  const ownCourse = (await owner('GET', `/api/v1/courses/${ownEnrolment.courseId}`)).json();
  const lessonId: string = ownCourse.lessons?.[0]?.id ?? 'lesson';
  // The contests Lan takes part in are those the API lists to her; another is one it does not.
  const taking = new Set(((await member('GET', '/api/v1/contests?limit=100')).json().items as Item[]).map((c) => c.id));
  const contests = await list('/api/v1/contests?limit=100');
  const ownContest = contests.find((c) => taking.has(c.id))?.id ?? '';
  const notTaking = await owner('POST', '/api/v1/contests', {
    name: 'Without Lan',
    metric: 'netSales',
    from: '2030-01-01',
    to: '2030-01-31',
    participants: { kosIds: [otherKosId] },
  });
  expect(notTaking.statusCode, notTaking.body).toBe(201);
  const otherContest: string = notTaking.json().id;
  const ownPayout = await first(`/api/v1/payouts?kosId=${ownKosId}&limit=100`);
  const otherPayout = await first('/api/v1/payouts?limit=100', theirs);
  const ownLink = await first(`/api/v1/links?kosId=${ownKosId}`);
  const otherLink = await first(`/api/v1/links?kosId=${otherKosId}`);
  const ownLine = await first(`/api/v1/lines?kosId=${ownKosId}&limit=10`);
  const otherLine = await first(`/api/v1/lines?kosId=${otherKosId}&limit=10`);

  // Records of no KOS: the same id on both sides (Lan reaches them only where the allow-list says so).
  const org = {
    unit: await first('/api/v1/units'),
    member: await first('/api/v1/members'),
    apiKey: await first('/api/v1/api-keys'),
    product: await first('/api/v1/products'),
    plan: await first('/api/v1/plans'),
    drive: await first('/api/v1/recruitment/drives'),
    application: await first('/api/v1/recruitment/applications'),
    import: (await list('/api/v1/imports'))[0]?.id ?? 'no-import',
  };
  const mapping = await owner('POST', '/api/v1/import-mappings', IMPORT_MAPPING);
  const mappingId: string = mapping.statusCode === 201 ? mapping.json().id : 'no-mapping';
  const withUrl = await owner('PATCH', `/api/v1/products/${org.product}`, { url: 'https://shop.example/p?ref=portal' });
  expect(withUrl.statusCode).toBe(200);
  const byRoute = (ids: {
    kos: string;
    account: string;
    stream: string;
    enrolment: string;
    course: string;
    contest: string;
    payout: string;
    link: string;
    line: string;
  }) =>
    new Map<string, Record<string, string>>([
      ['/api/v1/units/', { id: org.unit }],
      ['/api/v1/members/', { id: org.member }],
      ['/api/v1/api-keys/', { id: org.apiKey }],
      ['/api/v1/products/', { id: org.product }],
      ['/api/v1/plans/', { id: org.plan }],
      ['/api/v1/imports/', { id: org.import }],
      ['/api/v1/import-mappings/', { id: mappingId }],
      ['/api/v1/recruitment/drives/', { id: org.drive }],
      ['/api/v1/recruitment/applications/', { id: org.application }],
      ['/api/v1/kos/', { id: ids.kos }],
      ['/api/v1/accounts/', { id: ids.account }],
      ['/api/v1/livestreams/', { id: ids.stream }],
      ['/api/v1/enrolments/', { id: ids.enrolment, lessonId }],
      ['/api/v1/courses/', { id: ids.course }],
      ['/api/v1/contests/', { id: ids.contest }],
      ['/api/v1/payouts/', { id: ids.payout }],
      ['/api/v1/links/', { id: ids.link }],
      ['/api/v1/lines/', { id: ids.line }],
    ]);
  return {
    member,
    cookie,
    otherKosId,
    productWithUrl: org.product,
    owner,
    ownKosId,
    own: byRoute({
      kos: ownKosId,
      account: ownAccount,
      stream: ownStream,
      enrolment: ownEnrolment.id,
      course: ownEnrolment.courseId as string,
      contest: ownContest,
      payout: ownPayout,
      link: ownLink,
      line: ownLine,
    }),
    other: byRoute({
      kos: otherKosId,
      account: otherAccount,
      stream: otherStream,
      enrolment: otherEnrolment.id,
      course: otherEnrolment.courseId as string,
      contest: otherContest,
      payout: otherPayout,
      link: otherLink,
      line: otherLine,
    }),
  };
}

/** The path with its `{param}`s filled from the ids of the first route prefix it starts with. */
export function fillPath(path: string, ids: Map<string, Record<string, string>>): string | null {
  if (!path.includes('{')) return path;
  for (const [prefix, values] of ids)
    if (path.startsWith(prefix)) {
      let missing = false;
      const filled = path.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => {
        const value = values[name];
        if (!value) missing = true;
        return encodeURIComponent(value ?? '');
      });
      return missing ? null : filled;
    }
  return null;
}

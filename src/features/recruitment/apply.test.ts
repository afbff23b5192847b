import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { applicant, uniqueSlug } from './recruitment-fixture.js';

const HOSTILE = '<script>alert(1)</script>"\'><img src=x onerror=alert(2)>';
const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();

describe.each(DIALECTS)('the public application form /apply/{slug} on %s', (dialect) => {
  const t = useTestApp(dialect);

  async function setup(drive: object = {}, org: Parameters<typeof t.newOrg>[0] = {}) {
    const o = await t.newOrg(org);
    const res = await t.call(o.apiKey, 'POST', '/api/v1/recruitment/drives', {
      name: 'Tuyển KOS Hoa Sen 2026',
      slug: uniqueSlug('form'),
      categories: ['Mỹ phẩm', 'Thời trang'],
      relationships: ['independent', 'store_staff'],
      questions: [{ key: 'weekends', label: 'Bạn có thể livestream cuối tuần?' }],
      ...drive,
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    const count = async () =>
      (await t.call(o.apiKey, 'GET', `/api/v1/recruitment/applications?driveId=${d.id}`)).json().items.length as number;
    const postForm = (fields: [string, string][], query = '') =>
      t.app.inject({
        method: 'POST',
        url: `/apply/${d.slug}${query}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://zalo.me' },
        payload: form(fields),
      });
    const postJson = (body: object) => t.app.inject({ method: 'POST', url: `/apply/${d.slug}`, payload: body });
    return { o, d, count, postForm, postJson };
  }

  const browserFields: [string, string][] = [
    ['name', 'Trần Minh Thư'],
    ['phone', '+84 912 000 111'],
    ['email', 'Thu.Tran@Example.vn'],
    ['province', 'TP. Hồ Chí Minh'],
    ['relationship', 'store_staff'],
    ['accounts[0][platform]', 'tiktok_shop'],
    ['accounts[0][handle]', '@thu.beauty'],
    ['accounts[0][followers]', '8.500'],
    ['accounts[1][platform]', 'shopee'],
    ['accounts[1][handle]', ''],
    ['accounts[1][followers]', ''],
    ['categories', 'Mỹ phẩm'],
    ['sales', '20.000.000'],
    ['coverage', '2'],
    ['answers[weekends]', 'yes'],
    ['website', ''],
    ['consent', 'on'],
  ];

  test('GET: a small, script-free, localised page with Open Graph tags and the drive’s fields', async () => {
    const { d } = await setup();
    const page = await t.app.inject({ method: 'GET', url: `/apply/${d.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(Buffer.byteLength(page.body)).toBeLessThan(30 * 1024);
    expect(page.body).not.toMatch(/<script/i);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('<html lang="vi">');
    expect(page.body).toContain('property="og:title" content="Tuyển KOS Hoa Sen 2026');
    expect(page.body).toContain(`property="og:url" content="http://localhost:8080/apply/${d.slug}"`);
    expect(page.body).toContain('name="accounts[0][platform]"');
    expect(page.body).toContain('name="accounts[4][handle]"');
    expect(page.body).toContain('name="answers[weekends]"');
    expect(page.body).toContain('name="consent"');
    expect(page.body).toContain('name="website"');
    expect(page.body).toContain('Nghị định 13/2023/NĐ-CP');
    expect(page.body).toContain('value="store_staff"');
    const zh = await t.app.inject({ method: 'GET', url: `/apply/${d.slug}?lang=zh-CN` });
    expect(zh.body).toContain('<html lang="zh-CN">');
    expect(zh.body).toContain('个人信息保护法');
    expect((await t.app.inject({ method: 'GET', url: `/apply/${d.slug}?lang=en` })).body).toContain('Send application');
    const { d: cn } = await setup({}, { currency: 'CNY', locale: 'zh-CN', timezone: 'Asia/Shanghai' });
    expect((await t.app.inject({ method: 'GET', url: `/apply/${cn.slug}` })).body).toContain('<html lang="zh-CN">');
    expect((await t.app.inject({ method: 'GET', url: '/apply/no-such-drive' })).statusCode).toBe(404);
  });

  test('a browser’s form post (accounts[0][platform]…, cross-site Origin, no session) answers an HTML page and stores it', async () => {
    const { o, d, postForm } = await setup();
    const res = await postForm(browserFields, '?lang=en');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('Thank you!');
    const [stored] = (await t.call(o.apiKey, 'GET', `/api/v1/recruitment/applications?driveId=${d.id}`)).json().items;
    expect(stored).toMatchObject({
      name: 'Trần Minh Thư',
      phone: '+84 912 000 111',
      email: 'Thu.Tran@Example.vn',
      province: 'TP. Hồ Chí Minh',
      relationship: 'store_staff',
      accounts: [{ platform: 'tiktok_shop', handle: 'thu.beauty', followers: 8_500 }],
      categories: ['Mỹ phẩm'],
      salesMinor: 20_000_000,
      coverage: 2,
      answers: { weekends: true },
      status: 'new',
    });
  });

  test('JSON in, JSON out; missing consent → 422 and nothing stored (form and JSON)', async () => {
    const { d, count, postForm, postJson } = await setup({ relationships: ['independent'] });
    const noConsent = await postJson(applicant(1, { consent: undefined }));
    expect(noConsent.statusCode).toBe(422);
    expect(noConsent.json().errors[0]).toMatchObject({ path: 'consent', key: 'application.consent.required' });
    expect((await postJson(applicant(1, { consent: 'no' }))).statusCode).toBe(422);
    const formNoConsent = await postForm(browserFields.filter(([name]) => name !== 'consent'));
    expect(formNoConsent.statusCode).toBe(422);
    expect(formNoConsent.headers['content-type']).toMatch(/^text\/html/);
    expect(formNoConsent.body).toContain('Cần có sự đồng ý');
    expect(formNoConsent.body).toContain('value="Trần Minh Thư"');
    expect(await count()).toBe(0);

    const invalid = await postJson(applicant(2, { email: 'not-an-email', accounts: [{ platform: 'myspace', handle: 'x' }] }));
    expect(invalid.statusCode).toBe(422);
    expect(
      invalid
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['accounts.0.platform', 'email']);
    const tooMany = await postJson(
      applicant(2, { accounts: Array.from({ length: 6 }, (_, i) => ({ platform: 'shopee', handle: `h${i}` })) }),
    );
    expect(tooMany.statusCode).toBe(422);
    expect(await count()).toBe(0);

    const ok = await postJson(applicant(3, { consent: 'yes' }));
    expect(ok.statusCode).toBe(201);
    expect(ok.headers['content-type']).toMatch(/^application\/json/);
    expect(ok.json()).toEqual({ id: expect.any(String), status: 'new' });
    expect(await count()).toBe(1);
    expect(d.relationships).toEqual(['independent']);
  });

  test('the same email (any case) or phone (digits, 84 read as 0) twice in a drive → 409; another drive takes them', async () => {
    const { o, count, postForm, postJson } = await setup();
    expect(
      (await postJson(applicant(1, { email: 'lan@example.vn', phone: '0912 345 678', relationship: 'independent' }))).statusCode,
    ).toBe(201);
    const email = await postJson(applicant(2, { email: 'LAN@Example.VN', relationship: 'independent' }));
    expect(email.statusCode).toBe(409);
    expect(email.json()).toMatchObject({ key: 'application.email.duplicate' });
    const phone = await postJson(applicant(3, { phone: '+84-912-345-678', relationship: 'independent' }));
    expect(phone.statusCode).toBe(409);
    expect(phone.json()).toMatchObject({ key: 'application.phone.duplicate' });
    const formDup = await postForm([...browserFields.filter(([n]) => n !== 'phone'), ['phone', '84912345678']], '?lang=en');
    expect(formDup.statusCode).toBe(409);
    expect(formDup.body).toContain('This phone number has already applied to this drive.');
    expect(await count()).toBe(1);
    const other = await t.call(o.apiKey, 'POST', '/api/v1/recruitment/drives', { name: 'Other', slug: uniqueSlug('other') });
    const again = await t.app.inject({
      method: 'POST',
      url: `/apply/${other.json().slug}`,
      payload: applicant(1, { email: 'lan@example.vn', phone: '0912 345 678' }),
    });
    expect(again.statusCode).toBe(201);
  });

  test('a closed drive answers 410 (open false, or past closesAt); the honeypot answers success and stores nothing', async () => {
    const { o, d, count, postForm, postJson } = await setup();
    const honeypot = await postForm([...browserFields.filter(([n]) => n !== 'website'), ['website', 'http://spam.example']]);
    expect(honeypot.statusCode).toBe(201);
    expect(honeypot.body).toContain('Cảm ơn bạn!');
    const jsonHoneypot = await postJson(applicant(9, { website: 'x', consent: false }));
    expect(jsonHoneypot.statusCode).toBe(201);
    expect(jsonHoneypot.json()).toEqual({ id: expect.any(String), status: 'new' });
    expect(await count()).toBe(0);

    await t.call(o.apiKey, 'PATCH', `/api/v1/recruitment/drives/${d.id}`, { open: false });
    expect((await t.app.inject({ method: 'GET', url: `/apply/${d.slug}` })).statusCode).toBe(410);
    const closedJson = await postJson(applicant(1, { relationship: 'independent' }));
    expect(closedJson.statusCode).toBe(410);
    expect(closedJson.json()).toMatchObject({ status: 410, key: 'drive.closed' });
    const closedForm = await postForm(browserFields);
    expect(closedForm.statusCode).toBe(410);
    expect(closedForm.body).toContain('Đợt tuyển đã kết thúc');
    await t.call(o.apiKey, 'PATCH', `/api/v1/recruitment/drives/${d.id}`, {
      open: true,
      closesAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect((await postJson(applicant(1, { relationship: 'independent' }))).statusCode).toBe(410);
    await t.call(o.apiKey, 'PATCH', `/api/v1/recruitment/drives/${d.id}`, { closesAt: null });
    expect((await postJson(applicant(1, { relationship: 'independent' }))).statusCode).toBe(201);
  });

  test('hostile text is escaped on every page that shows it (form, refused form, thanks, closed, API)', async () => {
    const { o, d, postForm } = await setup({
      name: HOSTILE,
      categories: [HOSTILE],
      questions: [{ key: 'weekends', label: HOSTILE }],
    });
    const clean = (body: string) => {
      expect(body).not.toContain('<script>');
      expect(body).not.toContain('<img src=x');
      expect(body).toContain('&#60;script&#62;');
    };
    clean((await t.app.inject({ method: 'GET', url: `/apply/${d.slug}` })).body);
    const refused = await postForm([
      ['name', HOSTILE],
      ['phone', HOSTILE],
      ['email', 'x@example.vn'],
      ['accounts[0][handle]', HOSTILE],
      ['consent', 'on'],
    ]);
    expect(refused.statusCode).toBe(422);
    clean(refused.body);
    const sent = await postForm([
      ['name', HOSTILE],
      ['phone', '0912345678'],
      ['email', 'x@example.vn'],
      ['province', HOSTILE],
      ['relationship', 'independent'],
      ['categories', HOSTILE],
      ['consent', 'on'],
    ]);
    expect(sent.statusCode, sent.body).toBe(201);
    clean(sent.body);
    const [stored] = (await t.call(o.apiKey, 'GET', `/api/v1/recruitment/applications?driveId=${d.id}`)).json().items;
    expect(stored).toMatchObject({ name: HOSTILE, province: HOSTILE, categories: [HOSTILE] });
    await t.call(o.apiKey, 'PATCH', `/api/v1/recruitment/drives/${d.id}`, { open: false });
    clean((await t.app.inject({ method: 'GET', url: `/apply/${d.slug}` })).body);
  });

  test('the drive’s QR code is an SVG of its form URL', async () => {
    const { o, d } = await setup();
    const qr = await t.call(o.apiKey, 'GET', `/api/v1/recruitment/drives/${d.id}/qr.svg`);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(qr.body).toContain('<svg');
  });
});

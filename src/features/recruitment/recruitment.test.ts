import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { applicant, recruitmentFixture, uniqueSlug } from './recruitment-fixture.js';

describe.each(DIALECTS)('recruitment drives and screening on %s', (dialect) => {
  const t = useTestApp(dialect);

  test('a drive without criteria gets the default set (VND and CNY targets); another currency must give them (422)', async () => {
    const vn = await t.newOrg();
    const res = await t.call(vn.apiKey, 'POST', '/api/v1/recruitment/drives', { name: 'Tuyển KOS 2026', slug: uniqueSlug('vn') });
    expect(res.statusCode, res.body).toBe(201);
    const drive = res.json();
    expect(drive.criteria.map((c: { key: string; weight: number }) => [c.key, c.weight])).toEqual([
      ['sales', 30],
      ['coverage', 20],
      ['newMedia', 25],
      ['followers', 15],
      ['categoryFit', 10],
    ]);
    expect(drive.criteria[0].target).toBe(50_000_000);
    expect(drive).toMatchObject({ relationships: ['independent'], open: true, passScore: 60, questions: [] });
    expect(drive.applyUrl).toBe(`http://localhost:8080/apply/${drive.slug}`);
    expect(drive.counts).toEqual({ new: 0, screening: 0, interview: 0, accepted: 0, rejected: 0, withdrawn: 0 });

    const cn = await t.newOrg({ currency: 'CNY', timezone: 'Asia/Shanghai', locale: 'zh-CN' });
    const cnDrive = (
      await t.call(cn.apiKey, 'POST', '/api/v1/recruitment/drives', { name: '招募', slug: uniqueSlug('cn') })
    ).json();
    expect(cnDrive.criteria[0].target).toBe(1_500_000);

    const us = await t.newOrg({ currency: 'USD' });
    const refused = await t.call(us.apiKey, 'POST', '/api/v1/recruitment/drives', { name: 'Drive', slug: uniqueSlug('us') });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ key: 'drive.criteria.no_default', params: { currency: 'USD' } });
    const given = await t.call(us.apiKey, 'POST', '/api/v1/recruitment/drives', {
      name: 'Drive',
      slug: uniqueSlug('us'),
      criteria: [{ key: 'sales', label: 'Sales', weight: 1, source: 'salesMinor', target: 100_000 }],
    });
    expect(given.statusCode, given.body).toBe(201);
  });

  test('criteria are checked: targets for numeric sources, boolean criteria need their question, unique keys and slugs', async () => {
    const org = await t.newOrg();
    const post = (body: object) => t.call(org.apiKey, 'POST', '/api/v1/recruitment/drives', { name: 'D', ...body });
    const noTarget = await post({ slug: uniqueSlug('a'), criteria: [{ key: 'f', label: 'F', weight: 1, source: 'followers' }] });
    expect(noTarget.statusCode).toBe(422);
    expect(noTarget.json().errors[0]).toMatchObject({ path: 'criteria.0.target', key: 'drive.criterion.target_required' });
    const noQuestion = await post({
      slug: uniqueSlug('a'),
      criteria: [{ key: 'car', label: 'Car', weight: 1, source: 'boolean' }],
    });
    expect(noQuestion.json().errors[0]).toMatchObject({ path: 'criteria.0.key', key: 'drive.criterion.question_missing' });
    const twice = await post({
      slug: uniqueSlug('a'),
      criteria: [
        { key: 'x', label: 'X', weight: 1, source: 'categoryFit' },
        { key: 'x', label: 'X', weight: 1, source: 'categoryFit' },
      ],
    });
    expect(twice.json().errors[0]).toMatchObject({ path: 'criteria.1', key: 'field.listed_twice' });
    const slug = uniqueSlug('taken');
    expect((await post({ slug })).statusCode).toBe(201);
    const clash = await post({ slug: slug.toUpperCase() });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ key: 'drive.slug.taken', params: { slug } });
  });

  test('screening: assessments re-score, the pipeline keeps its history, finals answer 409, accept below the pass score needs override + note', async () => {
    const f = await recruitmentFixture(t);
    const drive = (
      await t.call(f.org.apiKey, 'POST', '/api/v1/recruitment/drives', {
        name: 'Tuyển KOS Hoa Sen',
        slug: uniqueSlug('hs'),
        categories: ['Mỹ phẩm', 'Chăm sóc da'],
        relationships: ['independent', 'store_staff'],
        questions: [{ key: 'weekends', label: 'Livestream cuối tuần?' }],
      })
    ).json();
    const submit = (body: object) => t.app.inject({ method: 'POST', url: `/apply/${drive.slug}`, payload: body });
    const a = await submit(
      applicant(1, {
        relationship: 'store_staff',
        salesMinor: 25_000_000,
        coverage: 5,
        categories: ['MỸ PHẨM'],
        accounts: [{ platform: 'tiktok_shop', handle: '@lan.beauty', followers: 5_000 }],
        answers: { weekends: true, unknownQuestion: true },
      }),
    );
    expect(a.statusCode, a.body).toBe(201);
    const id = a.json().id as string;
    expect(a.json()).toEqual({ id, status: 'new' });
    // 15 (sales 0.5 × 30) + 20 (coverage) + 0 (newMedia unmarked) + 7.5 (followers 0.5 × 15) + 5 (1 of 2 categories) = 47.5
    const read = (await t.call(f.org.apiKey, 'GET', `/api/v1/recruitment/applications/${id}`)).json();
    expect(read).toMatchObject({
      score: 47.5,
      status: 'new',
      relationship: 'store_staff',
      answers: { weekends: true },
      kosId: null,
    });
    expect(read.criteria.find((c: { key: string }) => c.key === 'followers')).toMatchObject({
      value: 5_000,
      s: 0.5,
      points: 7.5,
    });
    expect(read.history).toEqual([{ status: 'new', at: expect.any(String), by: null, note: null }]);

    const patch = (body: object, key = f.org.apiKey) => t.call(key, 'PATCH', `/api/v1/recruitment/applications/${id}`, body);
    const wrongKey = await patch({ assessments: { sales: 3 } });
    expect(wrongKey.statusCode).toBe(422);
    expect(wrongKey.json().errors[0]).toMatchObject({ path: 'assessments.sales', key: 'application.assessment.not_assessment' });
    expect((await patch({ assessments: { newMedia: 6 } })).statusCode).toBe(422);
    const marked = await patch({ assessments: { newMedia: 2 }, status: 'screening', note: 'gọi lại thứ Hai' });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ score: 57.5, status: 'screening', assessments: { newMedia: 2 } });
    expect(marked.json().history[1]).toMatchObject({ status: 'screening', note: 'gọi lại thứ Hai' });
    expect(marked.json().history[1].by).toEqual(expect.any(String));

    const back = await patch({ status: 'new' });
    expect(back.statusCode).toBe(422);
    expect(back.json()).toMatchObject({ key: 'application.status.transition' });
    const below = await patch({ status: 'accepted' });
    expect(below.statusCode).toBe(422);
    expect(below.json()).toMatchObject({ key: 'application.accept.override_required', params: { score: 57.5, passScore: 60 } });
    expect((await patch({ status: 'accepted', override: true })).statusCode).toBe(422);
    const accepted = await patch({ status: 'accepted', override: true, note: 'phỏng vấn rất tốt' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().history.map((h: { status: string }) => h.status)).toEqual(['new', 'screening', 'accepted']);
    const final = await patch({ status: 'rejected' });
    expect(final.statusCode).toBe(409);
    expect(final.json()).toMatchObject({ key: 'application.status.final', params: { from: 'accepted' } });

    // New criteria score every application again.
    const rescored = await t.call(f.org.apiKey, 'PATCH', `/api/v1/recruitment/drives/${drive.id}`, {
      criteria: [{ key: 'weekends', label: 'Cuối tuần', weight: 1, source: 'boolean' }],
    });
    expect(rescored.statusCode, rescored.body).toBe(200);
    expect((await t.call(f.org.apiKey, 'GET', `/api/v1/recruitment/applications/${id}`)).json().score).toBe(100);
    expect(rescored.json().counts).toMatchObject({ accepted: 1, new: 0 });
  });

  test('list by score then oldest, filters, viewers see phone and email masked, managers only their subtree', async () => {
    const f = await recruitmentFixture(t);
    const create = async (unitId: string | null, key = f.org.apiKey) =>
      t.call(key, 'POST', '/api/v1/recruitment/drives', { name: 'D', slug: uniqueSlug('scope'), unitId });
    const north = (await create(f.north)).json();
    const south = (await create(f.south)).json();
    expect((await create(f.south, f.manager)).statusCode).toBe(403);
    expect((await create(null, f.manager)).statusCode).toBe(403);
    expect((await create(f.north, f.manager)).statusCode).toBe(201);
    expect((await create(f.north, f.viewer)).statusCode).toBe(403);

    const submit = (slug: string, body: object) => t.app.inject({ method: 'POST', url: `/apply/${slug}`, payload: body });
    const low = (await submit(north.slug, applicant(1, { coverage: 1 }))).json().id;
    const high = (await submit(north.slug, applicant(2, { coverage: 5 }))).json().id;
    const tie = (await submit(north.slug, applicant(3, { coverage: 1, phone: '+84 912 345 699' }))).json().id;
    const other = (await submit(south.slug, applicant(4))).json().id;

    const list = async (query: string, key = f.org.apiKey) =>
      (await t.call(key, 'GET', `/api/v1/recruitment/applications?${query}`)).json().items.map((a: { id: string }) => a.id);
    expect(await list(`driveId=${north.id}`)).toEqual([high, low, tie]);
    expect(await list(`driveId=${north.id}&minScore=20`)).toEqual([high]);
    expect(await list(`driveId=${north.id}&limit=2`)).toEqual([high, low]);
    const page2 = (await t.call(f.org.apiKey, 'GET', `/api/v1/recruitment/applications?driveId=${north.id}&limit=2`)).json();
    expect(
      (
        await t.call(
          f.org.apiKey,
          'GET',
          `/api/v1/recruitment/applications?driveId=${north.id}&limit=2&cursor=${page2.nextCursor}`,
        )
      )
        .json()
        .items.map((a: { id: string }) => a.id),
    ).toEqual([tie]);
    expect(await list('status=new')).toEqual(expect.arrayContaining([high, low, tie, other]));

    // The manager of the north sees the north drive and its applications, not the south's.
    expect(await list('', f.manager)).toEqual([high, low, tie]);
    expect((await t.call(f.manager, 'GET', `/api/v1/recruitment/applications/${other}`)).statusCode).toBe(403);
    expect((await t.call(f.manager, 'GET', `/api/v1/recruitment/drives/${south.id}`)).statusCode).toBe(403);
    const drives = (await t.call(f.manager, 'GET', '/api/v1/recruitment/drives')).json().items;
    expect(drives.every((d: { unitId: string }) => d.unitId === f.north)).toBe(true);
    expect(
      (await t.call(f.manager, 'PATCH', `/api/v1/recruitment/applications/${low}`, { status: 'screening' })).statusCode,
    ).toBe(200);
    expect(
      (await t.call(f.manager, 'PATCH', `/api/v1/recruitment/applications/${other}`, { status: 'screening' })).statusCode,
    ).toBe(403);

    const seen = (await t.call(f.viewer, 'GET', `/api/v1/recruitment/applications/${tie}`)).json();
    expect(seen).toMatchObject({ phone: '+8***********99', email: 'l***@example.vn', masked: true });
    const listed = (await t.call(f.viewer, 'GET', `/api/v1/recruitment/applications?driveId=${north.id}`)).json().items;
    expect(listed.map((a: { phone: string }) => a.phone)).toEqual(['09******02', '09******01', '+8***********99']);
    expect((await t.call(f.org.apiKey, 'GET', `/api/v1/recruitment/applications/${tie}`)).json()).toMatchObject({
      phone: '+84 912 345 699',
      email: 'lan3@example.vn',
      masked: false,
    });
    expect((await t.call(f.viewer, 'PATCH', `/api/v1/recruitment/applications/${low}`, { status: 'interview' })).statusCode).toBe(
      403,
    );
    expect((await t.call(f.org.apiKey, 'GET', '/api/v1/recruitment/applications/nope')).statusCode).toBe(404);
  });

  test('conversion: an onboarding KOS with the accounts, once (409 naming the KOS); clashes create nothing', async () => {
    const f = await recruitmentFixture(t);
    const drive = (
      await t.call(f.org.apiKey, 'POST', '/api/v1/recruitment/drives', {
        name: 'D',
        slug: uniqueSlug('conv'),
        unitId: f.north,
        categories: ['Mỹ phẩm'],
        relationships: ['agent'],
      })
    ).json();
    const submit = (body: object) => t.app.inject({ method: 'POST', url: `/apply/${drive.slug}`, payload: body });
    const tag = f.org.slug.slice(-5);
    const accounts = [
      { platform: 'tiktok_shop', handle: `lan${tag}`, followers: 12_000 },
      { platform: 'shopee', handle: `lanshop${tag}`, followers: 800 },
    ];
    const id = (await submit(applicant(1, { categories: ['Mỹ phẩm'], accounts }))).json().id as string;
    const convert = (body: object, appId = id) =>
      t.call(f.org.apiKey, 'POST', `/api/v1/recruitment/applications/${appId}/convert`, body);

    const early = await convert({ code: `LAN${tag}` });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ key: 'application.convert.not_accepted', params: { status: 'new' } });
    const accept = await t.call(f.org.apiKey, 'PATCH', `/api/v1/recruitment/applications/${id}`, {
      status: 'accepted',
      override: true,
      note: 'ok',
    });
    expect(accept.statusCode, accept.body).toBe(200);

    // A clash (the code of an existing KOS) answers 409 naming it and creates nothing.
    const existing = await t.call(f.org.apiKey, 'POST', '/api/v1/kos', {
      code: `OLD${tag}`.toUpperCase(),
      handle: `old-${tag}`.toLowerCase(),
      name: 'Old',
      relationship: 'agent',
    });
    expect(existing.statusCode, existing.body).toBe(201);
    const clash = await convert({ code: `OLD${tag}` });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ key: 'kos.code.taken' });
    const accountClash = await t.call(f.org.apiKey, 'POST', `/api/v1/kos/${existing.json().id}/accounts`, {
      platform: 'shopee',
      handle: `lanshop${tag}`,
    });
    expect(accountClash.statusCode).toBe(201);
    const clash2 = await convert({ code: `NEW${tag}` });
    expect(clash2.statusCode).toBe(409);
    expect(clash2.json()).toMatchObject({ key: 'account.handle.taken' });
    const roster = (await t.call(f.org.apiKey, 'GET', '/api/v1/kos?limit=500')).json().items;
    expect(roster.map((k: { code: string }) => k.code)).toEqual([`OLD${tag}`.toUpperCase()]);
    expect((await t.call(f.org.apiKey, 'DELETE', `/api/v1/accounts/${accountClash.json().id}`)).statusCode).toBe(204);

    const made = await convert({ code: `lan${tag}` });
    expect(made.statusCode, made.body).toBe(201);
    const kos = made.json();
    expect(kos).toMatchObject({
      code: `LAN${tag}`.toUpperCase(),
      handle: `lan${tag}`.toLowerCase(),
      status: 'onboarding',
      relationship: 'agent',
      unitId: f.north,
      categories: ['Mỹ phẩm'],
      name: 'Nguyễn Thị Lan 1',
    });
    // The KOS's status history says it came from recruitment (kos.service createKos, reason `conversion`).
    expect(kos.statusHistory).toEqual([expect.objectContaining({ to: 'onboarding', reason: 'conversion' })]);
    const kosAccounts = (await t.call(f.org.apiKey, 'GET', `/api/v1/kos/${kos.id}/accounts`)).json().items;
    expect(
      kosAccounts.map((a: { platform: string; handle: string; followers: number }) => [a.platform, a.handle, a.followers]),
    ).toEqual(accounts.map((a) => [a.platform, a.handle, a.followers]));
    expect((await t.call(f.org.apiKey, 'GET', `/api/v1/recruitment/applications/${id}`)).json().kosId).toBe(kos.id);
    const again = await convert({ code: `AGAIN${tag}` });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ key: 'application.convert.done', params: { kosId: kos.id, code: kos.code } });
  });
});

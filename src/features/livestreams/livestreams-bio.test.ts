import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { createSession, livestreamFixture, sessionBody } from './livestreams-fixture.js';

describe.each(DIALECTS)('upcoming livestreams on the bio page on %s', (dialect) => {
  const t = useTestApp(dialect);

  test('shows scheduled and live sessions in start order, in the org time zone; not cancelled, ended or past ones', async () => {
    const f = await livestreamFixture(t);
    const kos = (await t.call(f.org.apiKey, 'GET', `/api/v1/kos/${f.kosN}`)).json();
    const session = (title: string, start: string, end: string, more: object = {}) =>
      createSession(t, f.org.apiKey, sessionBody(f, { title, scheduledStart: start, scheduledEnd: end, ...more }));
    await session('Đêm serum <b>sale</b>', '2099-11-25T20:00:00+07:00', '2099-11-25T22:00:00+07:00');
    await session('Huỷ rồi', '2099-11-24T20:00:00+07:00', '2099-11-24T22:00:00+07:00', { status: 'cancelled' });
    await session('Xong rồi', '2099-11-23T20:00:00+07:00', '2099-11-23T22:00:00+07:00', {
      status: 'ended',
      actualStart: '2099-11-23T20:00:00+07:00',
      actualEnd: '2099-11-23T21:00:00+07:00',
    });
    await session('Quá khứ', '2021-01-01T20:00:00+07:00', '2021-01-01T22:00:00+07:00');
    await session('Đang live', '2021-01-01T20:00:00+07:00', '2099-01-01T22:00:00+07:00', { status: 'live' });
    await createSession(t, f.org.apiKey, sessionBody(f, { kosId: f.kosS, accountId: f.accS, title: 'Của người khác' }));

    const html = (await t.call(null, 'GET', `/@${kos.handle}`)).body;
    expect(html).toContain('Livestream sắp tới');
    expect(html).toContain('<b>20:00 25/11/2099</b> Đêm serum &#60;b&#62;sale&#60;/b&#62; <small>TikTok Shop</small>');
    expect(html.indexOf('Đang live')).toBeGreaterThan(-1);
    expect(html.indexOf('Đang live')).toBeLessThan(html.indexOf('Đêm serum'));
    for (const hidden of ['Huỷ rồi', 'Xong rồi', 'Quá khứ', 'Của người khác']) expect(html, hidden).not.toContain(hidden);
    const en = (await t.call(null, 'GET', `/@${kos.handle}?lang=en`)).body;
    expect(en).toContain('Upcoming livestreams');
    expect(en).toContain('25 Nov 2099, 20:00');
  });

  test('at most the next 10; a KOS without sessions has no livestream section; Shanghai time for a Chinese org', async () => {
    const f = await livestreamFixture(t, { timezone: 'Asia/Shanghai', locale: 'zh-CN', currency: 'CNY' });
    const kos = (await t.call(f.org.apiKey, 'GET', `/api/v1/kos/${f.kosN}`)).json();
    for (let day = 12; day >= 1; day--) {
      const d = String(day).padStart(2, '0');
      await createSession(
        t,
        f.org.apiKey,
        sessionBody(f, {
          title: `Session ${d}`,
          scheduledStart: `2099-03-${d}T12:00:00Z`,
          scheduledEnd: `2099-03-${d}T13:00:00Z`,
        }),
      );
    }
    const html = (await t.call(null, 'GET', `/@${kos.handle}`)).body;
    expect(html).toContain('即将开播');
    expect(html).toContain('<b>2099年3月1日 20:00</b> Session 01');
    expect(html).toContain('Session 10');
    expect(html).not.toContain('Session 11');
    expect(html.indexOf('Session 01')).toBeLessThan(html.indexOf('Session 02'));
    const south = (await t.call(f.org.apiKey, 'GET', `/api/v1/kos/${f.kosS}`)).json();
    expect((await t.call(null, 'GET', `/@${south.handle}`)).body).not.toContain('即将开播');
  });
});

import { describe, expect, test } from 'vitest';
import {
  type AuditContext,
  type AuditedFields,
  auditAccount,
  carriesBrand,
  comparableLink,
  linksToKos,
} from './account-audit.js';

const ctx: AuditContext = {
  brandWords: ['Hoa Sen', 'HoaSen'],
  bioPageUrl: 'https://kos.example.vn/@lan.nguyen',
  shortUrls: ['https://kos.example.vn/Ab3xYz', 'https://kos.example.vn/tet-sale'],
};

describe('the audit items name and bio: a folded brand word as a substring', () => {
  test.each([
    ['Lan Nguyễn | Hoa Sen', true],
    ['LAN · HOA SEN official', true],
    ['lan hòa sen', true], // tone-insensitive (folded brand word against folded text)
    ['hoasen.store', true],
    ['HOASEN', true],
    ['Hoa  Sen', true], // white space collapses
    ['Hoa-Sen', false], // a hyphen is not a space
    ['Sen Hoa', false],
    ['', false],
    [null, false],
  ])('%j → %s', (text, ok) => {
    expect(carriesBrand(text, ctx.brandWords)).toBe(ok);
  });

  test('đ and Đ read as d, on both sides', () => {
    expect(carriesBrand('Shop ĐẠI PHÁT', ['Dai Phat'])).toBe(true);
    expect(carriesBrand('shop dai phat', ['Đại Phát'])).toBe(true);
  });

  test.each([
    ['anything', true],
    ['   ', false],
    [null, false],
  ])('with no brand words, ok when not empty: %j → %s', (text, ok) => {
    expect(carriesBrand(text, [])).toBe(ok);
    expect(carriesBrand(text, ['  '])).toBe(ok); // an empty brand word is no brand word
  });
});

describe('the audit item link: the bio page or a live short link, in any of its written forms', () => {
  test.each([
    ['https://kos.example.vn/@lan.nguyen', true],
    ['http://kos.example.vn/@lan.nguyen', true], // scheme ignored
    ['kos.example.vn/@lan.nguyen', true], // no scheme
    ['HTTPS://KOS.Example.VN/@lan.nguyen', true], // host case ignored
    ['https://kos.example.vn/@lan.nguyen/', true], // one trailing slash
    ['https://kos.example.vn/@lan.nguyen?utm_source=tiktok#top', true], // query and fragment
    ['  https://kos.example.vn/@lan.nguyen  ', true],
    ['https://kos.example.vn/@lan.nguyen//', false], // only one trailing slash
    ['https://kos.example.vn/@LAN.NGUYEN', false], // the path keeps its case
    ['https://kos.example.vn/@lan', false],
    ['https://other.example.vn/@lan.nguyen', false],
    ['https://kos.example.vn/Ab3xYz', true],
    ['kos.example.vn/tet-sale/?x=1', true],
    ['https://kos.example.vn/ab3xyz', false], // slugs are case-sensitive
    ['https://kos.example.vn/expired-one', false],
    ['https://kos.example.vn', false],
    ['', false],
    [null, false],
  ])('%j → %s', (link, ok) => {
    expect(linksToKos(link, ctx)).toBe(ok);
  });

  test('the comparable form', () => {
    expect(comparableLink('HTTPS://Kos.Example.VN/@a/?q=1#f')).toBe('kos.example.vn/@a');
    expect(comparableLink('kos.example.vn/')).toBe('kos.example.vn');
    expect(comparableLink('   ')).toBeNull();
  });
});

describe('the audit score: 20 per item ok, unknown checks not ok', () => {
  const full: AuditedFields = {
    displayName: 'Lan · Hoa Sen',
    bio: 'Mỹ phẩm hoasen chính hãng',
    linkInBio: 'kos.example.vn/@lan.nguyen',
    avatarOk: true,
    pinnedOk: true,
  };
  test.each<[string, Partial<AuditedFields>, number, string[]]>([
    ['all five', {}, 100, []],
    ['avatar not checked', { avatarOk: null }, 80, ['avatar']],
    ['pinned post missing', { pinnedOk: false }, 80, ['pinned']],
    [
      'no brand in the name, bio or link',
      { displayName: 'Lan', bio: null, linkInBio: 'https://linktr.ee/lan' },
      40,
      ['name', 'bio', 'link'],
    ],
    [
      'nothing at all',
      { displayName: null, bio: null, linkInBio: null, avatarOk: null, pinnedOk: null },
      0,
      ['name', 'bio', 'link', 'avatar', 'pinned'],
    ],
  ])('%s → %i', (_label, change, score, failing) => {
    const audit = auditAccount({ ...full, ...change }, ctx);
    expect(audit.score).toBe(score);
    expect(audit.items.map((i) => i.key)).toEqual(['name', 'bio', 'link', 'avatar', 'pinned']);
    expect(audit.items.filter((i) => !i.ok).map((i) => i.key)).toEqual(failing);
  });
});

import { describe, expect, test } from 'vitest';
import { formToBody } from './form-body.js';
import { checkMove, consentGiven, driveIsOpen, emailKey, maskEmail, maskPhone, phoneKey } from './recruitment.js';

describe('pipeline moves', () => {
  const rule = { scoreTenths: 700, passScore: 60, override: false, note: null };
  test.each([
    ['new → screening', 'new', 'screening', true],
    ['new → accepted (skipping is a later status)', 'new', 'accepted', true],
    ['interview → withdrawn', 'interview', 'withdrawn', true],
    ['screening → new (backwards)', 'screening', 'new', 'transition'],
    ['accepted → rejected (final)', 'accepted', 'rejected', 'final'],
    ['withdrawn → new (final)', 'withdrawn', 'new', 'final'],
  ] as const)('%s', (_name, from, to, outcome) => {
    const check = checkMove(from, to, rule);
    expect(check.ok ? true : check.reason).toBe(outcome);
  });
  test('accepting below the pass score needs override and a note', () => {
    const low = { ...rule, scoreTenths: 599 };
    expect(checkMove('interview', 'accepted', low)).toMatchObject({ ok: false, reason: 'override' });
    expect(checkMove('interview', 'accepted', { ...low, override: true })).toMatchObject({ ok: false, reason: 'override' });
    expect(checkMove('interview', 'accepted', { ...low, note: 'strong interview' })).toMatchObject({ ok: false });
    expect(checkMove('interview', 'accepted', { ...low, override: true, note: 'strong interview' })).toEqual({ ok: true });
    expect(checkMove('interview', 'accepted', { ...rule, scoreTenths: 600 })).toEqual({ ok: true });
    expect(checkMove('interview', 'rejected', low)).toEqual({ ok: true });
  });
});

describe('duplicates, masking, consent, open drives', () => {
  test.each([
    ['+84 912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['84912345678', '0912345678'],
    ['(028) 3822 1234', '02838221234'],
  ])('phone %s compares as %s', (phone, key) => expect(phoneKey(phone)).toBe(key));
  test('email compares case-insensitively', () => expect(emailKey(' Lan.Nguyen@Gmail.COM ')).toBe('lan.nguyen@gmail.com'));
  test('a viewer sees the phone’s first 2 and last 2 characters, the email’s first character and domain', () => {
    expect(maskPhone('0912345678')).toBe('09******78');
    expect(maskPhone('+84 912 345 678')).toBe('+8***********78');
    expect(maskEmail('lan.nguyen@gmail.com')).toBe('l***@gmail.com');
  });
  test.each([
    ['on', true],
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    [true, true],
    ['no', false],
    ['', false],
    [undefined, false],
    [false, false],
  ])('consent %j → %s', (value, given) => expect(consentGiven(value)).toBe(given));
  test('a drive is open while open and before closesAt', () => {
    expect(driveIsOpen({ open: true, closesAt: null }, 5)).toBe(true);
    expect(driveIsOpen({ open: true, closesAt: 6 }, 5)).toBe(true);
    expect(driveIsOpen({ open: true, closesAt: 5 }, 5)).toBe(false);
    expect(driveIsOpen({ open: false, closesAt: null }, 5)).toBe(false);
  });
});

describe('a form post as the JSON body', () => {
  test('nested account fields, repeated categories, yes/no answers, whole sales in VND and CNY', () => {
    const fields: [string, string][] = [
      ['name', ' Lan '],
      ['accounts[1][platform]', 'shopee'],
      ['accounts[1][handle]', 'lan.shop'],
      ['accounts[0][platform]', 'tiktok_shop'],
      ['accounts[0][handle]', '@lan'],
      ['accounts[0][followers]', '12.000'],
      ['accounts[2][platform]', 'lazada'],
      ['accounts[2][handle]', ''],
      ['categories', 'Mỹ phẩm'],
      ['categories', 'Thời trang'],
      ['answers[hasCar]', 'yes'],
      ['answers[weekends]', 'no'],
      ['sales', '30.000.000'],
      ['coverage', '3'],
      ['consent', 'on'],
      ['province', ''],
    ];
    expect(formToBody(fields, 'VND')).toEqual({
      name: 'Lan',
      accounts: [
        { platform: 'tiktok_shop', handle: '@lan', followers: 12_000 },
        { platform: 'shopee', handle: 'lan.shop' },
      ],
      categories: ['Mỹ phẩm', 'Thời trang'],
      answers: { hasCar: true, weekends: false },
      salesMinor: 30_000_000,
      coverage: 3,
      consent: 'on',
    });
    expect(formToBody([['sales', '1500']], 'CNY').salesMinor).toBe(150_000);
    expect(formToBody([['coverage', 'lots']], 'VND').coverage).toBe('lots');
  });
});

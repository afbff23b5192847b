import { describe, expect, test } from 'vitest';
import { SOURCES } from '../imports/import-types.js';
import { parseAmount } from './amounts.js';
import { foldStatus, RESERVED_NAMES } from './import-mappings.js';
import { compileDateFormat, type DateFormat, parseWithFormat } from './ldml-date.js';
import { suggestColumns } from './suggestions.js';

// docs/import-mappings.md, "Date formats" and "The mapping".
const fmt = (pattern: string) => compileDateFormat(pattern) as DateFormat;
const iso = (pattern: string, cell: string) => {
  const wall = parseWithFormat(fmt(pattern), cell);
  return wall && { at: new Date(wall.wall).toISOString(), offset: wall.offsetMinutes };
};

describe('LDML date formats', () => {
  test('day-first, year-first, slashes, 12-hour and CJK literals', () => {
    expect(iso('dd/MM/yyyy HH:mm:ss', '05/03/2024 21:07:09')).toEqual({ at: '2024-03-05T21:07:09.000Z', offset: null });
    expect(iso('yyyy-MM-dd HH:mm', '2024-12-31 23:59')).toEqual({ at: '2024-12-31T23:59:00.000Z', offset: null });
    expect(iso('yyyy/MM/dd', '2024/02/29')).toEqual({ at: '2024-02-29T00:00:00.000Z', offset: null });
    expect(iso('d/M/yy h:mm a', '5/3/24 9:07 PM')?.at).toBe('2024-03-05T21:07:00.000Z');
    expect(iso('d/M/yy h:mm a', '5/3/24 12:00 AM')?.at).toBe('2024-03-05T00:00:00.000Z');
    expect(iso('yyyy年MM月dd日 HH:mm', '2024年05月01日 08:30')?.at).toBe('2024-05-01T08:30:00.000Z');
    expect(iso("yyyy-MM-dd'T'HH:mm:ss", '2024-05-01T08:30:00.250+08:00')).toEqual({
      at: '2024-05-01T08:30:00.000Z',
      offset: 480,
    });
    expect(iso('h:mm a yyyy-MM-dd', '3:05 下午 2024-05-01')?.at).toBe('2024-05-01T15:05:00.000Z');
  });

  test('cells that do not fit, or name no real date-time, answer null', () => {
    expect(iso('dd/MM/yyyy', '2024-05-01')).toBeNull();
    expect(iso('dd/MM/yyyy', '31/02/2024')).toBeNull();
    expect(iso('dd/MM/yyyy HH:mm', '01/02/2024 24:00')).toBeNull();
    expect(iso('dd/MM/yyyy', '1/02/2024')).toBeNull(); // dd takes exactly two digits
    expect(iso('d/M/yyyy', '1/2/2024 extra')).toBeNull();
    expect(iso('h:mm a yyyy-MM-dd', '13:05 PM 2024-05-01')).toBeNull();
  });

  test('patterns are validated when a mapping is saved', () => {
    expect(compileDateFormat('dd/MM/yyyy HH:mm:ss')).not.toHaveProperty('error');
    expect(compileDateFormat("yyyy'年'MM'月'dd'日'")).not.toHaveProperty('error');
    for (const bad of [
      '',
      'dd/MM',
      'dd/MMM/yyyy',
      'dd/MM/yyyy hh:mm',
      'yyyy-MM-dd HH:mm a',
      'yyyy-MM-dd Q',
      "yyyy-MM-dd 'x",
      'yyyy-MM-dd yyyy',
    ])
      expect(compileDateFormat(bad), bad).toHaveProperty('error');
  });
});

describe('amounts', () => {
  test('major units with either decimal mark, grouping of the other mark tolerated, half-up', () => {
    expect(parseAmount('1,234.50', 'major', '.', 2)).toEqual({ ok: true, value: 123450 });
    expect(parseAmount('1.234,50', 'major', ',', 2)).toEqual({ ok: true, value: 123450 });
    expect(parseAmount('¥12.345', 'major', '.', 2)).toEqual({ ok: true, value: 1235 });
    expect(parseAmount('-12.345 元', 'major', '.', 2)).toEqual({ ok: true, value: -1235 });
    expect(parseAmount('2285.52', 'major', '.', 0)).toEqual({ ok: true, value: 2286 });
    expect(parseAmount('1 234 567,8', 'major', ',', 0)).toEqual({ ok: true, value: 1234568 });
    expect(parseAmount('12,5', 'major', '.', 2)).toEqual({ ok: false, reason: 'not_amount' });
    expect(parseAmount('1.2.3', 'major', '.', 2)).toEqual({ ok: false, reason: 'not_amount' });
    expect(parseAmount('abc', 'major', '.', 2)).toEqual({ ok: false, reason: 'not_amount' });
    expect(parseAmount('99999999999999999999', 'major', '.', 2)).toEqual({ ok: false, reason: 'too_large' });
  });

  test('minor units are whole numbers', () => {
    expect(parseAmount('12900', 'minor', '.', 2)).toEqual({ ok: true, value: 12900 });
    expect(parseAmount('12,900', 'minor', '.', 2)).toEqual({ ok: true, value: 12900 });
    expect(parseAmount('129.5', 'minor', '.', 2)).toEqual({ ok: false, reason: 'not_minor' });
  });
});

describe('names, statuses and suggestions', () => {
  test('the reserved names are the built-in sources and webhook', () => {
    expect([...RESERVED_NAMES].sort()).toEqual([...SOURCES, 'webhook'].sort());
  });

  test('status texts fold width, case, accents and spaces', () => {
    expect(foldStatus('Ｃｏｍｐｌｅｔｅｄ')).toBe(foldStatus('completed'));
    expect(foldStatus('Đã Huỷ ')).toBe(foldStatus('đã hủy'));
    expect(foldStatus(' 已完成')).toBe('已完成');
  });

  test('columns are guessed from Chinese, Vietnamese and English headers', () => {
    const all = ['orderId', 'status', 'orderTime', 'netMinor', 'quantity', 'productName'] as const;
    expect(suggestColumns(['订单编号', '订单状态', '下单时间', '实付金额', '数量'], all)).toEqual({
      orderId: '订单编号',
      status: '订单状态',
      orderTime: '下单时间',
      netMinor: '实付金额',
      quantity: '数量',
    });
    expect(suggestColumns(['Mã đơn hàng', 'Trạng thái', 'Tên sản phẩm'], all)).toEqual({
      orderId: 'Mã đơn hàng',
      status: 'Trạng thái',
      productName: 'Tên sản phẩm',
    });
    expect(suggestColumns(['Order ID', 'Order Status'], ['status'])).toEqual({ status: 'Order Status' });
  });
});

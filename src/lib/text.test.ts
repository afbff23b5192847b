import { describe, expect, test } from 'vitest';
import { foldText, normaliseHandle } from './text.js';

describe('foldText', () => {
  test.each([
    ['tone mark on the vowel or on the y (hủy / huỷ)', 'Đã hủy', 'Đã Huỷ'],
    ['precomposed (NFC) and decomposed (NFD) input', 'Hoàn thành'.normalize('NFC'), 'Hoàn thành'.normalize('NFD')],
    ['upper and lower case', 'ĐANG GIAO', 'đang giao'],
    ['runs of white space', '  Giao   hàng\tthành\ncông ', 'giao hang thanh cong'],
    ['diacritics of other languages', 'Crème brûlée', 'creme brulee'],
    ['full-width-free Chinese text stays as it is', '已取消', '已取消'],
  ])('%s fold alike', (_name, a, b) => {
    expect(foldText(a)).toBe(foldText(b));
  });

  test.each([
    ['Vietnamese cancel status', 'Đã hủy', 'da huy'],
    ['đ and Đ become d', 'Đơn đặt', 'don dat'],
    ['every tone removed', 'Thành công', 'thanh cong'],
    ['trimmed and collapsed', ' Trả  hàng/Hoàn tiền ', 'tra hang/hoan tien'],
    ['empty text', '', ''],
    ['English stays readable', 'Completed', 'completed'],
  ])('%s', (_name, input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  test('different words stay different', () => {
    expect(foldText('Đã hủy')).not.toBe(foldText('Đã giao'));
  });
});

describe('normaliseHandle', () => {
  test.each([
    ['a leading @ is dropped', '@lan.beauty', 'lan.beauty'],
    ['lower-cased and trimmed', '  Lan.Beauty ', 'lan.beauty'],
    ['only one leading @', '@@lan', '@lan'],
    ['an @ inside stays', 'lan@shop', 'lan@shop'],
  ])('%s', (_name, input, expected) => {
    expect(normaliseHandle(input)).toBe(expected);
  });
});

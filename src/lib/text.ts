/**
 * Folds text for comparison: NFC, lower case, Vietnamese tones and other diacritics removed,
 * `đ` → `d`, white space collapsed (so `Đã hủy` and `Đã Huỷ` compare equal).
 */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A handle as compared: lower case, without a leading `@`. */
export const normaliseHandle = (value: string): string => value.trim().replace(/^@/, '').toLowerCase();

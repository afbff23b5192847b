import { minorDigits } from '../../lib/money.js';

/**
 * Shapes the fields of a form post (`application/x-www-form-urlencoded`) of `/apply/{slug}` into the body
 * a JSON client sends (docs/recruitment.md "The public form"): `accounts[0][platform]` → `accounts[0].platform`,
 * repeated `categories` → a list, `answers[key]=yes|no` → booleans, numbers from digits (`12.000` and
 * `12 000` read as 12000), `sales` in whole currency units → `salesMinor`; empty fields are left out and
 * account rows without a handle dropped. Anything still wrong is left for the schema to name (422). Pure.
 */
export function formToBody(fields: Iterable<[string, string]>, currency: string): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const accounts = new Map<number, Record<string, string>>();
  const answers: Record<string, unknown> = {};
  const categories: string[] = [];
  for (const [name, raw] of fields) {
    const value = raw.trim();
    const account = /^accounts\[(\d{1,2})\]\[(platform|handle|followers)\]$/.exec(name);
    const answer = /^answers\[([^\]]{1,60})\]$/.exec(name);
    if (account) {
      const row = accounts.get(Number(account[1])) ?? {};
      row[account[2] as string] = value;
      accounts.set(Number(account[1]), row);
    } else if (answer) {
      const yes = yesNo(value);
      if (yes !== undefined) answers[answer[1] as string] = yes;
    } else if (name === 'categories' || name === 'categories[]') {
      if (value) categories.push(value);
    } else if (name === 'sales') {
      const major = wholeNumber(value);
      if (major !== undefined) body.salesMinor = typeof major === 'number' ? major * 10 ** minorDigits(currency) : major;
    } else if (name === 'salesMinor' || name === 'coverage') {
      const n = wholeNumber(value);
      if (n !== undefined) body[name] = n;
    } else if (value !== '' && !name.includes('[')) body[name] = value;
  }
  body.accounts = [...accounts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => row)
    .filter((row) => row.handle)
    .map((row) => ({
      platform: row.platform || undefined,
      handle: row.handle,
      ...(row.followers ? { followers: wholeNumber(row.followers) } : {}),
    }));
  body.categories = categories;
  body.answers = answers;
  return body;
}

/** Digits (with `.`, `,` or spaces as thousands separators) as a number; other text as is (the schema refuses it). */
function wholeNumber(value: string): number | string | undefined {
  if (value === '') return undefined;
  const digits = value.replace(/[\s.,]/g, '');
  return /^\d{1,16}$/.test(digits) ? Number(digits) : value;
}

function yesNo(value: string): boolean | undefined {
  const v = value.toLowerCase();
  if (['yes', 'true', '1', 'on'].includes(v)) return true;
  if (['no', 'false', '0', 'off'].includes(v)) return false;
  return undefined;
}

/**
 * A small LDML date-pattern reader (docs/import-mappings.md, "Date formats"): `dd/MM/yyyy HH:mm:ss`,
 * `yyyy-MM-dd HH:mm`, `yyyy/MM/dd`, `yyyy年MM月dd日`, `h:mm a`. A pattern is compiled once when a mapping
 * is saved or used; a cell is then matched by walking the tokens — no regular expression is built from
 * user text, and every step is bounded by the cell's length.
 */
export type DateToken =
  | { kind: 'y' | 'M' | 'd' | 'H' | 'h' | 'm' | 's'; width: number }
  | { kind: 'a' }
  | { kind: 'text'; text: string };

export interface DateFormat {
  pattern: string;
  tokens: DateToken[];
}

/** The wall time a cell names (ms as if UTC) and its explicit offset in minutes, if the cell had one. */
export interface WallTime {
  wall: number;
  offsetMinutes: number | null;
}

const FIELDS = new Set(['y', 'M', 'd', 'H', 'h', 'm', 's', 'a']);
const MAX_PATTERN = 64;

/** Compiles a pattern, or answers why it cannot be used (in English, for the `dateFormat` field error). */
export function compileDateFormat(pattern: string): DateFormat | { error: string } {
  if (pattern.length === 0 || pattern.length > MAX_PATTERN) return { error: `must have 1 to ${MAX_PATTERN} characters` };
  const tokens: DateToken[] = [];
  const pushText = (text: string) => {
    const last = tokens.at(-1);
    if (last?.kind === 'text') last.text += text;
    else tokens.push({ kind: 'text', text });
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        pushText("'");
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end === -1) return { error: 'a quote is not closed' };
      pushText(pattern.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      if (!FIELDS.has(c)) return { error: `the letter ${c} is not supported (use y M d H h m s a)` };
      let width = 1;
      while (pattern[i + width] === c) width += 1;
      if (c === 'a') tokens.push({ kind: 'a' });
      else if (c === 'M' && width > 2) return { error: 'month names (MMM) are not supported; use M or MM' };
      else if (c !== 'y' && width > 2) return { error: `${c.repeat(width)} is too long; use ${c} or ${c}${c}` };
      else tokens.push({ kind: c as 'y', width: c === 'y' ? (width === 2 ? 2 : 4) : width });
      i += width;
      continue;
    }
    pushText(c);
    i += 1;
  }
  const has = (kind: string) => tokens.filter((t) => t.kind === kind).length;
  for (const kind of ['y', 'M', 'd', 'H', 'h', 'm', 's', 'a']) if (has(kind) > 1) return { error: `${kind} appears twice` };
  if (!has('y') || !has('M') || !has('d')) return { error: 'must contain a year (y), a month (M) and a day (d)' };
  if (has('H') && has('h')) return { error: 'must not contain both H and h' };
  if (has('h') !== has('a')) return { error: 'h (1–12) needs a (AM/PM), and a needs h' };
  return { pattern, tokens };
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

const MERIDIEMS: [string, 'am' | 'pm'][] = [
  ['am', 'am'],
  ['pm', 'pm'],
  ['a.m.', 'am'],
  ['p.m.', 'pm'],
  ['上午', 'am'],
  ['下午', 'pm'],
  ['sa', 'am'],
  ['ch', 'pm'],
];

/**
 * Reads a cell by a compiled format: the wall time it names, or null when it does not fit or names no
 * real date-time (31/02, 24:00). A fraction of a second and an offset (`Z`, `+08:00`) may follow.
 */
export function parseWithFormat(format: DateFormat, cell: string): WallTime | null {
  const text = cell.trim();
  const parts = { y: 0, M: 0, d: 0, H: 0, h: -1, m: 0, s: 0, pm: null as boolean | null };
  let at = 0;
  for (const token of format.tokens) {
    if (token.kind === 'text') {
      for (const c of token.text) {
        if (isSpace(c)) {
          if (!isSpace(text[at])) return null;
          while (isSpace(text[at])) at += 1;
        } else if (text[at] === c) at += 1;
        else return null;
      }
    } else if (token.kind === 'a') {
      const rest = text.slice(at, at + 4).toLowerCase();
      const found = MERIDIEMS.find(([word]) => rest.startsWith(word));
      if (!found) return null;
      parts.pm = found[1] === 'pm';
      at += found[0].length;
    } else {
      const [min, max] = token.kind === 'y' ? [token.width, token.width] : token.width === 1 ? [1, 2] : [2, 2];
      let digits = '';
      while (digits.length < max && isDigit(text[at])) digits += text[at++];
      if (digits.length < min) return null;
      const value = Number(digits);
      if (token.kind === 'y') parts.y = token.width === 2 ? 2000 + value : value;
      else parts[token.kind] = value;
    }
  }
  if (text[at] === '.' && isDigit(text[at + 1])) {
    at += 1;
    let n = 0;
    while (isDigit(text[at]) && n < 9) {
      at += 1;
      n += 1;
    }
  }
  while (isSpace(text[at])) at += 1;
  let offsetMinutes: number | null = null;
  if (text[at] === 'Z') {
    offsetMinutes = 0;
    at += 1;
  } else if (text[at] === '+' || text[at] === '-') {
    const m = /^([+-])(\d{2}):?(\d{2})/.exec(text.slice(at, at + 6));
    if (!m) return null;
    offsetMinutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
    at += m[0].length;
  }
  if (at !== text.length) return null;
  let hour = parts.H;
  if (parts.h !== -1) {
    if (parts.h < 1 || parts.h > 12) return null;
    hour = (parts.h % 12) + (parts.pm ? 12 : 0);
  }
  if (parts.M < 1 || parts.M > 12 || parts.d < 1 || hour > 23 || parts.m > 59 || parts.s > 59) return null;
  const wall = Date.UTC(parts.y, parts.M - 1, parts.d, hour, parts.m, parts.s);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== parts.y || check.getUTCMonth() !== parts.M - 1 || check.getUTCDate() !== parts.d) return null;
  return { wall, offsetMinutes };
}

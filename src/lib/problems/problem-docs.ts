import { PROBLEMS, type ProblemKey } from './problem.js';

/** `{{name}}` and `{{name, format}}` placeholders of a message, in order, each name once. */
export function placeholders(message: string): { name: string; format: string | null }[] {
  const found = new Map<string, string | null>();
  for (const match of message.matchAll(/\{\{([^}]+)\}\}/g)) {
    const [name = '', ...format] = (match[1] as string).split(',');
    if (!found.has(name.trim())) found.set(name.trim(), format.length ? format.join(',').trim() : null);
  }
  return [...found].map(([name, format]) => ({ name, format }));
}

const sortedKeys = (): ProblemKey[] => (Object.keys(PROBLEMS) as ProblemKey[]).sort();

/** web/src/i18n/en/problems.json: the registry's English texts, keys sorted, as the console reads them. */
export function englishProblemsJson(): string {
  return `${JSON.stringify(Object.fromEntries(sortedKeys().map((key) => [key, PROBLEMS[key]])), null, 2)}\n`;
}

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The key list of docs/errors.md: one table per area (the key's first segment), with params and English text. */
export function problemKeysMarkdown(): string {
  const areas = new Map<string, ProblemKey[]>();
  for (const key of sortedKeys()) {
    const area = key.split('.')[0] as string;
    areas.set(area, [...(areas.get(area) ?? []), key]);
  }
  const sections = [...areas].map(([area, keys]) => {
    const rows = keys.map((key) => {
      const params = placeholders(PROBLEMS[key])
        .map(({ name, format }) => `\`${name}\`${format ? ` (${format.replace(/\(.*\)$/, '')})` : ''}`)
        .join(', ');
      return `| \`${key}\` | ${params || '—'} | ${cell(PROBLEMS[key])} |`;
    });
    return [`### ${area}`, '', '| key | params | English |', '|---|---|---|', ...rows].join('\n');
  });
  return `${sortedKeys().length} keys.\n\n${sections.join('\n\n')}\n`;
}

export const KEYS_BEGIN = '<!-- problem keys: generated from src/lib/problems by `node --import tsx scripts/problem-keys.ts` -->';
export const KEYS_END = '<!-- end of problem keys -->';

/** docs/errors.md with its generated key list replaced by the registry's. */
export function withProblemKeys(markdown: string): string {
  const begin = markdown.indexOf(KEYS_BEGIN);
  const end = markdown.indexOf(KEYS_END);
  if (begin < 0 || end < begin) throw new Error('docs/errors.md has lost its problem-key markers');
  return `${markdown.slice(0, begin + KEYS_BEGIN.length)}\n\n${problemKeysMarkdown()}\n${markdown.slice(end)}`;
}

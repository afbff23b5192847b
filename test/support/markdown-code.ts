import { readFileSync } from 'node:fs';

/** The fenced code blocks of one language in a Markdown file, in order (to run the examples of the docs). */
export function codeBlocks(path: string, language: string): string[] {
  const text = readFileSync(path, 'utf8');
  const fence = new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm');
  return [...text.matchAll(fence)].map((match) => match[1] as string);
}

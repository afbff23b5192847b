// Writes the files generated from the problem-key registry (src/lib/problems): the English console texts
// and the key list of docs/errors.md. The registry test fails until this has been run after a change.
import { readFileSync, writeFileSync } from 'node:fs';
import { englishProblemsJson, withProblemKeys } from '../src/lib/problems/problem-docs.js';

const root = new URL('..', import.meta.url);
writeFileSync(new URL('web/src/i18n/en/problems.json', root), englishProblemsJson());
const docs = new URL('docs/errors.md', root);
writeFileSync(docs, withProblemKeys(readFileSync(docs, 'utf8')));
console.log('wrote web/src/i18n/en/problems.json and the key list of docs/errors.md');

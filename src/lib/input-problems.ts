import { type FieldError, fieldError } from './errors.js';
import { MAX_JSON_DEPTH } from './json-depth.js';
import { problem } from './problems/problem.js';
import { hasNul, unstorableReason } from './storable-text.js';

/** As many problems as a client needs to fix a request, not one per character of a hostile one. */
const MAX_REPORTED = 10;

/**
 * Arrays and plain objects are walked — including Fastify's params and query, made by a class whose
 * prototype has a null prototype; anything else (a Buffer kept raw for a signature) is not ours.
 */
function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

const at = (path: readonly (string | number)[], root: string) => (path.length ? path.join('.') : root);

/** The field error of text that cannot be stored alike (a value, or an object key), or null. */
function unstorable(text: string, path: string, inKey: boolean): FieldError | null {
  const reason = unstorableReason(text);
  if (!reason) return null;
  // unstorableReason tells a NUL first, so the key follows the same order.
  const nul = hasNul(text);
  const keyOf = inKey
    ? problem(nul ? 'field.key_nul' : 'field.key_lone_surrogate')
    : problem(nul ? 'field.nul' : 'field.lone_surrogate');
  return fieldError(path, keyOf, inKey ? `keys ${reason}` : reason);
}

/**
 * The field errors of one parsed request part (params, query or JSON body), before any schema sees
 * it: nesting of arrays/objects deeper than `maxDepth` (a single error at `root`), else each string or
 * key that SQLite and PostgreSQL would not store alike (NUL, lone surrogate), at its dotted path
 * (`name`, `categories.1`; `root` for a bare string). Walks with its own stack, never recursion, so a
 * value nested 200 000 deep cannot overflow the call stack.
 */
export function inputProblems(value: unknown, root: string, maxDepth: number = MAX_JSON_DEPTH): FieldError[] {
  const errors: FieldError[] = [];
  const stack: { value: unknown; path: (string | number)[]; depth: number }[] = [{ value, path: [], depth: 0 }];
  while (stack.length > 0 && errors.length < MAX_REPORTED) {
    const node = stack.pop() as (typeof stack)[number];
    if (typeof node.value === 'string') {
      const error = unstorable(node.value, at(node.path, root), false);
      if (error) errors.push(error);
      continue;
    }
    if (!isContainer(node.value)) continue;
    const depth = node.depth + 1;
    if (depth > maxDepth)
      return [fieldError(root, problem('field.too_deep', { maxDepth }), `is nested deeper than ${maxDepth} levels`)];
    const entries: [string | number, unknown][] = Array.isArray(node.value)
      ? node.value.map((item, i) => [i, item])
      : Object.entries(node.value);
    for (const [key] of entries) {
      const error = typeof key === 'string' ? unstorable(key, at(node.path, root), true) : null;
      if (error) errors.push(error);
    }
    // Pushed in reverse so the stack pops them in document order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string | number, unknown];
      stack.push({ value: child, path: [...node.path, key], depth });
    }
  }
  return errors.slice(0, MAX_REPORTED);
}

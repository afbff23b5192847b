import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/**
 * The boundary rules of docs/architecture.md, checked over the source text (no build needed):
 * - every table is written by the one feature that owns it;
 * - features do not import each other in a circle (type-only imports count too);
 * - `src/lib/` imports no feature and no application layer;
 * - a feature imports another feature's service or pure module, never its repository or routes;
 * - a service does not re-export repository functions.
 * Pure over `{path, text}` pairs, so a test can show each rule catching a deliberate violation.
 */
export interface SourceFile {
  /** Path from the repository root, with forward slashes (`src/features/ledger/ledger.service.ts`). */
  path: string;
  text: string;
}

/** Which feature owns (alone writes) each table. docs/architecture.md lists the same. */
export const TABLE_OWNERS: Readonly<Record<string, string>> = {
  orgs: 'orgs',
  rollup_days: 'analytics',
  rollup_order_parts: 'analytics',
  rollup_state: 'analytics',
  rollup_months: 'analytics',
  rollup_month_parts: 'analytics',
  rollup_month_state: 'analytics',
  rollup_dirty: 'orders',
  units: 'units',
  members: 'members',
  sessions: 'members',
  api_keys: 'api-keys',
  rate_limits: 'auth',
  kos: 'kos',
  kos_vouchers: 'kos',
  kos_status_history: 'kos',
  platform_accounts: 'accounts',
  follower_history: 'accounts',
  products: 'products',
  plans: 'plans',
  links: 'links',
  clicks: 'clicks',
  link_daily: 'clicks',
  link_monthly: 'clicks',
  click_log_checkpoints: 'clicks',
  imports: 'imports',
  webhook_signatures: 'imports',
  order_lines: 'orders',
  order_line_history: 'orders',
  ledger_entries: 'ledger',
  payouts: 'payouts',
  payout_periods: 'payouts',
  livestreams: 'livestreams',
  livestream_products: 'livestreams',
  run_sheets: 'run-sheets',
  recruitment_drives: 'recruitment',
  recruitment_applications: 'recruitment',
  courses: 'training',
  enrolments: 'training',
  contests: 'contests',
  contest_awards: 'contests',
  kos_tier_history: 'tiers',
  scheduled_jobs: 'tiers',
  import_mappings: 'import-mappings',
};

const featureOf = (path: string): string | null => /^src\/features\/([^/]+)\//.exec(path)?.[1] ?? null;
const isProductCode = (path: string) => path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.endsWith('-fixture.ts');

/** The repository-relative paths a file imports (relative specifiers only; packages are not ours). */
export function importsOf(file: SourceFile): string[] {
  const out: string[] = [];
  for (const match of file.text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s+'(\.[^']+)'/g)) {
    const spec = (match[1] as string).replace(/\.js$/, '.ts');
    out.push(normalize(join(dirname(file.path), spec)).replaceAll('\\', '/'));
  }
  return out;
}

/** The tables a file writes: Kysely's insert/update/delete builders, and INSERT/UPDATE/DELETE inside sql`…`. */
export function tablesWritten(file: SourceFile): string[] {
  const tables = new Set<string>();
  for (const m of file.text.matchAll(/\.(?:insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(\s*'([a-z_]+)/g))
    tables.add(m[1] as string);
  for (const template of file.text.matchAll(/sql(?:<[^>]*>)?`([^`]*)`/g)) {
    for (const m of (template[1] as string).matchAll(
      /\b(?:insert\s+into\s+|delete\s+from\s+|update\s+(?=[a-z_]+\s+set\b)(?!set\b))([a-z_]+)/gi,
    )) {
      tables.add((m[1] as string).toLowerCase());
    }
  }
  return [...tables];
}

/** Every cycle of the feature graph, each as the features along it (`a → b → a`). */
export function cyclesOf(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const key = (cycle: string[]) => [...cycle].sort().join(',');
  const visit = (node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      const at = path.indexOf(next);
      if (at !== -1) {
        const cycle = [...path.slice(at), next];
        if (!seen.has(key(cycle.slice(1)))) {
          seen.add(key(cycle.slice(1)));
          cycles.push(cycle);
        }
      } else if (path.length < 12) visit(next, [...path, next]);
    }
  };
  for (const node of graph.keys()) visit(node, [node]);
  return cycles;
}

/** The violations of the boundary rules in these files (empty when every rule holds). */
export function boundaryViolations(
  files: readonly SourceFile[],
  owners: Readonly<Record<string, string>> = TABLE_OWNERS,
): string[] {
  const violations: string[] = [];
  const graph = new Map<string, Set<string>>();
  for (const file of files.filter((f) => isProductCode(f.path))) {
    const feature = featureOf(file.path);
    for (const target of importsOf(file)) {
      const other = featureOf(target);
      if (file.path.startsWith('src/lib/') && !target.startsWith('src/lib/')) {
        violations.push(`${file.path}: lib/ imports ${target} (lib is generic and imports only lib)`);
      }
      if (!feature || !other || other === feature) continue;
      if (/\.(repository|routes)\.ts$/.test(target)) {
        violations.push(`${file.path}: imports ${target} (another feature's repository or routes; use its service)`);
      }
      graph.set(feature, (graph.get(feature) ?? new Set()).add(other));
    }
    for (const table of tablesWritten(file)) {
      const owner = owners[table];
      if (!owner) violations.push(`${file.path}: writes table ${table}, which has no owner in TABLE_OWNERS`);
      else if (feature !== owner && !file.path.startsWith('src/db/migrations/')) {
        violations.push(`${file.path}: writes table ${table}, owned by feature ${owner}`);
      }
    }
    if (file.path.endsWith('.service.ts')) {
      if (/^export\s*(type\s*)?\{[^}]*\}/m.test(file.text))
        violations.push(`${file.path}: re-exports names (a service exports its own functions)`);
      if (/^export const \w+ = repo\.\w+;/m.test(file.text)) violations.push(`${file.path}: re-exports a repository function`);
    }
  }
  for (const cycle of cyclesOf(graph)) violations.push(`features import each other in a circle: ${cycle.join(' → ')}`);
  return violations;
}

/** Every TypeScript file under `src/`, read from the checkout at `root`. */
export function readSources(root: string): SourceFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
    );
  return walk(join(root, 'src')).map((path) => ({
    path: relative(root, path).replaceAll('\\', '/'),
    text: readFileSync(path, 'utf8'),
  }));
}

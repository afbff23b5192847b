import { foldText } from '../../lib/text.js';

/**
 * The brand-consistency audit of a platform account (docs/matrix.md "Account audit").
 * It lives beside the KOS because onboarding (kos.service) must score a KOS's accounts inside the same
 * transaction as the write that changed them, and the accounts feature depends on the KOS, not the reverse.
 */
export const AUDIT_ITEMS = ['name', 'bio', 'link', 'avatar', 'pinned'] as const;
export type AuditItem = (typeof AUDIT_ITEMS)[number];

/** An account's score is at least this for the onboarding `audit` step, and below it it needs attention. */
export const AUDIT_PASS_SCORE = 80;

export interface AuditedFields {
  displayName: string | null;
  bio: string | null;
  linkInBio: string | null;
  avatarOk: boolean | null;
  pinnedOk: boolean | null;
}

/** What the audit compares against: the org's brand words and the KOS's own URLs. */
export interface AuditContext {
  brandWords: readonly string[];
  /** `{publicUrl}/@{handle}`. */
  bioPageUrl: string;
  /** The short URLs of the KOS's enabled, unexpired links. */
  shortUrls: readonly string[];
}

export interface Audit {
  score: number;
  items: { key: AuditItem; ok: boolean }[];
}

/** Whether the text, folded (§7), contains a folded brand word; with no brand words, whether it is not empty. */
export function carriesBrand(text: string | null, brandWords: readonly string[]): boolean {
  const folded = foldText(text ?? '');
  const words = brandWords.map(foldText).filter((w) => w !== '');
  if (words.length === 0) return folded !== '';
  return words.some((word) => folded.includes(word));
}

/**
 * A link as the audit compares it: without the scheme, the query and the fragment, the host in lower
 * case, one trailing `/` dropped; the path keeps its case (short-link slugs are case-sensitive). Null for
 * an empty value.
 */
export function comparableLink(url: string | null): string | null {
  let rest = (url ?? '').trim();
  if (rest === '') return null;
  rest = rest.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^\/\//, '');
  rest = rest.replace(/#.*$/s, '').replace(/\?.*$/s, '');
  const slash = rest.indexOf('/');
  const host = (slash === -1 ? rest : rest.slice(0, slash)).toLowerCase();
  let path = slash === -1 ? '' : rest.slice(slash);
  if (path.endsWith('/')) path = path.slice(0, -1);
  const out = host + path;
  return out === '' ? null : out;
}

/** Whether `linkInBio` points at the KOS's bio page or one of their live short links. */
export function linksToKos(linkInBio: string | null, ctx: Pick<AuditContext, 'bioPageUrl' | 'shortUrls'>): boolean {
  const link = comparableLink(linkInBio);
  if (link === null) return false;
  return [ctx.bioPageUrl, ...ctx.shortUrls].some((candidate) => comparableLink(candidate) === link);
}

/** The five items and the score (20 per item ok; an unknown check is not ok). */
export function auditAccount(account: AuditedFields, ctx: AuditContext): Audit {
  const ok: Record<AuditItem, boolean> = {
    name: carriesBrand(account.displayName, ctx.brandWords),
    bio: carriesBrand(account.bio, ctx.brandWords),
    link: linksToKos(account.linkInBio, ctx),
    avatar: account.avatarOk === true,
    pinned: account.pinnedOk === true,
  };
  const items = AUDIT_ITEMS.map((key) => ({ key, ok: ok[key] }));
  return { score: 20 * items.filter((i) => i.ok).length, items };
}

/**
 * Pure rules of recruitment (docs/recruitment.md): the pipeline's moves, the duplicate
 * keys of an applicant, masking for viewers, and when a drive is closed. No I/O.
 */
export const APPLICATION_STATUSES = ['new', 'screening', 'interview', 'accepted', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const OPEN_STATUSES: readonly ApplicationStatus[] = ['new', 'screening', 'interview'];
export const FINAL_STATUSES: readonly ApplicationStatus[] = ['accepted', 'rejected', 'withdrawn'];

/** Where an application may go from `from`: any later status, or `withdrawn`; nothing from a final status. */
export function allowedMoves(from: ApplicationStatus): ApplicationStatus[] {
  if (FINAL_STATUSES.includes(from)) return [];
  const later = APPLICATION_STATUSES.slice(APPLICATION_STATUSES.indexOf(from) + 1);
  return later;
}

export type MoveCheck = { ok: true } | { ok: false; reason: 'final' | 'transition' | 'override'; allowed: ApplicationStatus[] };

/**
 * Whether a move is allowed: from a final status never (409); backwards or sideways never (422); to
 * `accepted` below the pass score only with `override` and a note (422).
 */
export function checkMove(
  from: ApplicationStatus,
  to: ApplicationStatus,
  rule: { scoreTenths: number; passScore: number; override: boolean; note: string | null },
): MoveCheck {
  const allowed = allowedMoves(from);
  if (allowed.length === 0) return { ok: false, reason: 'final', allowed };
  if (!allowed.includes(to)) return { ok: false, reason: 'transition', allowed };
  const below = rule.scoreTenths < rule.passScore * 10;
  if (to === 'accepted' && below && !(rule.override && rule.note)) return { ok: false, reason: 'override', allowed };
  return { ok: true };
}

/** An email as compared for duplicates: trimmed, lower case. */
export const emailKey = (email: string): string => email.trim().toLowerCase();

/** A phone as compared for duplicates: digits only, a leading country code 84 read as 0 (`+84 912…` = `0912…`). */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') ? `0${digits.slice(2)}` : digits;
}

/** A phone as a viewer sees it: the first 2 and last 2 characters kept, the rest `*`. */
export function maskPhone(phone: string): string {
  if (phone.length <= 4) return phone;
  return `${phone.slice(0, 2)}${'*'.repeat(phone.length - 4)}${phone.slice(-2)}`;
}

/** An email as a viewer sees it: its first character, `***@`, then the domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return `${email.slice(0, 1)}***`;
  return `${email.slice(0, 1)}***@${email.slice(at + 1)}`;
}

/** A drive takes applications while `open` and before `closesAt` (epoch ms). */
export const driveIsOpen = (drive: { open: boolean; closesAt: number | null }, now: number): boolean =>
  drive.open && (drive.closesAt === null || now < drive.closesAt);

/** `consent` as a form or JSON sends it: true for `on`, `true`, `1`, `yes` (any case) or the boolean true. */
export function consentGiven(value: unknown): boolean {
  if (value === true || value === 1) return true;
  return typeof value === 'string' && ['on', 'true', '1', 'yes'].includes(value.trim().toLowerCase());
}

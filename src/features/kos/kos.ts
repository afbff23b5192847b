export const RELATIONSHIPS = ['employee', 'store_staff', 'dealer_staff', 'agent', 'independent'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** The lifecycle, in order. Any move is allowed (people come back); the order is for display. */
export const KOS_STATUSES = ['candidate', 'onboarding', 'active', 'paused', 'offboarded'] as const;
export type KosStatus = (typeof KOS_STATUSES)[number];

/** Why a KOS's status changed (its `statusHistory`): by a person, by completing onboarding, by a recruitment conversion. */
export const STATUS_REASONS = ['manual', 'onboarding', 'conversion'] as const;
export type StatusReason = (typeof STATUS_REASONS)[number];

export const TIERS = ['S', 'A', 'B', 'C'] as const;
export type Tier = (typeof TIERS)[number];

export const KOS_CODE = /^[A-Z0-9]{4,16}$/;
export const KOS_HANDLE = /^[a-z0-9][a-z0-9._-]{2,29}$/;

/** Fields a KOS may change on their own record (the bio page); everything else is the brand's. */
export const SELF_EDITABLE = ['bio', 'avatarUrl', 'contacts'] as const;

/**
 * The public base URL the audit compares bio and short links with when a caller outside HTTP (the demo
 * loader, a test) gives none — the server's own default `KOS_PUBLIC_URL`. HTTP routes pass the configured one.
 */
export const DEFAULT_PUBLIC_URL = 'http://localhost:8080';

/** Voucher codes as compared (case-insensitive, trimmed). */
export const normaliseVoucher = (code: string): string => code.trim().toUpperCase();

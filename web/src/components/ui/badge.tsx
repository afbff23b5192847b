import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { type EnumName, type EnumValue, enumKey } from '../../enums';

/** good (green), info (blue), warn (amber), bad (red), muted (grey): the colour says how a state reads. */
type Tone = 'good' | 'info' | 'warn' | 'bad' | 'muted';
const TONE: Partial<Record<string, Tone>> = {
  active: 'good',
  done: 'good',
  paid: 'good',
  completed: 'good',
  live: 'good',
  onboarding: 'info',
  running: 'info',
  approved: 'info',
  scheduled: 'info',
  pending: 'info',
  paused: 'warn',
  unpaid: 'warn',
  queued: 'warn',
  failed: 'bad',
  cancelled: 'bad',
  returned: 'bad',
  clawback: 'bad',
  overdue: 'bad',
  in_progress: 'info',
  assigned: 'warn',
};

/**
 * An enum value as a translated pill: `<Badge of="payouts.status" value={p.status} />` shows
 * `payouts.status.draft` in the user's language. `data-value` keeps the raw value for tests and styles.
 */
export function Badge<E extends EnumName>({
  of,
  value,
  className,
  children,
  ...rest
}: { of: E; value: EnumValue<E> } & HTMLAttributes<HTMLSpanElement>) {
  const { t } = useTranslation();
  const tone = TONE[value] ?? 'muted';
  return (
    <span className={`badge tone-${tone}${className ? ` ${className}` : ''}`} data-value={value} {...rest}>
      {t(enumKey(of, value))}
      {children}
    </span>
  );
}

import { useTranslation } from 'react-i18next';

/** A polite "Loading…" that screen readers announce once. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="muted loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}

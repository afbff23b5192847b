import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

export function Empty({ children }: { children: string }) {
  return <p className="empty">{children}</p>;
}

/** Shows a problem's `detail` (or the error's message) with an optional retry. */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const detail = error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
  return (
    <div className="alert" role="alert">
      <strong>{t('common.error')}</strong>
      <span>{detail}</span>
      {onRetry && (
        <button type="button" className="btn small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

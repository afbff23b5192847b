import { useTranslation } from 'react-i18next';
import { errorText } from '../../problem-text';

/**
 * An error in the user's language (problem-text.ts: the problem's `key` translated, never the server's
 * English sentence in the vi or zh-CN console), with an optional retry.
 */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="alert" role="alert" data-testid="error-box">
      <strong>{t('common.error')}</strong>
      <span>{errorText(error, t, i18n.language)}</span>
      {onRetry && (
        <button type="button" className="btn small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

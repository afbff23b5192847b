import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from './copy-button';

/**
 * The new API key, shown this once (the server keeps only its hash): a modal `<dialog>` with the key in a
 * read-only field, a copy button, and one way out that says the key was stored.
 */
export function KeyShownDialog({ name, apiKey, onClose }: { name: string; apiKey: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const inputId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (apiKey && !dialog.open) dialog.showModal();
    if (!apiKey && dialog.open) dialog.close();
  }, [apiKey]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} data-testid="key-shown" onClose={() => apiKey && onClose()}>
      {apiKey && (
        <div>
          <h2 id={titleId}>{t('settings.apiKeys.shownTitle', { name })}</h2>
          <div className="dialog-body">
            <p>{t('settings.apiKeys.shownOnce')}</p>
            <div className="field">
              <label htmlFor={inputId}>{t('settings.apiKeys.key')}</label>
              <input
                id={inputId}
                ref={field}
                className="mono"
                readOnly
                value={apiKey}
                data-testid="new-api-key"
                onFocus={(e) => e.currentTarget.select()}
              />
            </div>
            <CopyButton text={apiKey} selectFallback={() => field.current?.select()} data-testid="copy-api-key" />
          </div>
          <div className="actions">
            <button type="button" className="btn primary" onClick={onClose} data-testid="key-stored">
              {t('settings.apiKeys.stored')}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}

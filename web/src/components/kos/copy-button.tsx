import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies `text` to the clipboard and says so (politely, for screen readers) for a moment. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  };
  return (
    <>
      <button type="button" className="btn small" aria-label={label} data-testid="copy-short-url" onClick={() => void copy()}>
        {t('kos.links.copy')}
      </button>
      <span className="copy-state" role="status">
        {state === 'copied' ? t('kos.links.copied') : state === 'failed' ? t('kos.links.copyFailed') : ''}
      </span>
    </>
  );
}

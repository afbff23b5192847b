import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Copies `text` to the clipboard and says so (a polite status); where the browser refuses, it says that
 * the text is selected to copy by hand (`selectFallback` selects it).
 */
export function CopyButton({
  text,
  label,
  selectFallback,
  className = 'btn small',
  ...rest
}: {
  text: string;
  label?: string;
  selectFallback?: () => void;
  className?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      selectFallback?.();
      setState('failed');
    }
  };
  return (
    <span className="copy">
      <button type="button" className={className} onClick={() => void copy()} data-testid={rest['data-testid']}>
        {label ?? t('settings.copy')}
      </button>
      <span role="status" className="muted small">
        {state === 'copied' ? t('settings.copied') : state === 'failed' ? t('settings.copyFailed') : ''}
      </span>
    </span>
  );
}

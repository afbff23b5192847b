import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type CopyState = 'idle' | 'copied' | 'manual';

/** Selects the text of the element `id` names, so the user can copy it themselves. */
function selectTextOf(id: string): void {
  const element = document.getElementById(id);
  const selection = window.getSelection();
  if (element && selection) selection.selectAllChildren(element);
}

/**
 * Copies `text` (a short URL) with the Clipboard API and says so ("Copied" for a moment, announced to
 * screen readers). Where the clipboard is refused (no permission, an insecure origin), it selects the
 * text of `targetId` instead and asks the user to copy it with their keyboard.
 */
export function CopyButton({ text, targetId }: { text: string; targetId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      selectTextOf(targetId);
      setState('manual');
    }
  };

  return (
    <span className="copy">
      <button
        type="button"
        className="btn small"
        data-testid="copy-link"
        data-state={state}
        aria-describedby={targetId}
        onClick={() => void copy()}
      >
        {state === 'copied' ? t('links.copied') : t('links.copy')}
      </button>
      <span role="status" className={state === 'manual' ? 'copy-note' : 'visually-hidden'}>
        {state === 'copied' ? t('links.copiedNote') : state === 'manual' ? t('links.copyManually') : ''}
      </span>
    </span>
  );
}

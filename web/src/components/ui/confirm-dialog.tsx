import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from './error-box';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen; may hold inputs (a bank reference) that `onConfirm` reads from the form by name. */
  children?: ReactNode;
  confirmLabel: string;
  /** A red confirm button for what cannot be undone (delete, mark paid). */
  danger?: boolean;
  /** The action is running: buttons are disabled and Escape does nothing. */
  busy?: boolean;
  /** The action's failure, shown inside the dialog so the user can correct and retry. */
  error?: unknown;
  onConfirm: (form: FormData) => void;
  onCancel: () => void;
}

/**
 * A modal question on the native `<dialog>` (never window.confirm/prompt): showModal() makes the page
 * inert, puts focus on the first field or button and lets Escape cancel; focus returns to the button
 * that opened it. The page owns `open` and closes it when its action succeeds.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger,
  busy,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    }
  }, [open]);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!busy) onConfirm(new FormData(e.currentTarget));
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Escape: the page decides (it sets `open`), and nothing closes while the action runs.
        e.preventDefault();
        if (!busy) onCancel();
      }}
      // Chromium closes a dialog itself on a second Escape without user activation: keep the page's state in step.
      onClose={() => {
        if (open) onCancel();
      }}
    >
      {open && (
        <form onSubmit={submit}>
          <h2 id={titleId}>{title}</h2>
          <div className="dialog-body">{children}</div>
          {error ? <ErrorBox error={error} /> : null}
          <div className="actions">
            <button type="button" className="btn" disabled={busy} onClick={onCancel}>
              {t('common.cancel')}
            </button>
            <button type="submit" className={danger ? 'btn danger' : 'btn primary'} disabled={busy} data-testid="confirm">
              {busy ? t('common.working') : confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

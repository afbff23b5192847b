import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RunSheet, useSaveRunSheet } from '../../data/run-sheets';
import { useFormErrors } from '../ui/form-errors';
import { type DraftSegment, move, restart, toBody, toDraft, totalMinutes } from './run-sheet-draft';
import { RunSheetSegment } from './run-sheet-segment';

interface Props {
  sessionId: string;
  sheet: RunSheet;
  /** Whole minutes of the stream (scheduled end − start). */
  minutes: number;
  currency: string;
  nameOf(productId: string): string;
  editable: boolean;
}

/**
 * The run-sheet's segments in order. An editor moves them (buttons; focus stays on the moved segment and
 * a status line says where it went), changes durations (start minutes follow as running sums), talking
 * points and FAQs, and saves the whole sheet (PUT); the server's field problems show beside their fields.
 */
export function RunSheetEditor({ sessionId, sheet, minutes, currency, nameOf, editable }: Props) {
  const { t } = useTranslation();
  const save = useSaveRunSheet(sessionId);
  const [draft, setDraft] = useState<DraftSegment[]>(() => toDraft(sheet.segments));
  const [said, setSaid] = useState('');
  const [saved, setSaved] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const fields = draft.map((_, i) => `segments.${i}`);
  const errors = useFormErrors(save.error, ['segments', ...fields]);
  const total = totalMinutes(draft);
  // After a refused save, the first field the server named gets the focus (the save bar may cover it).
  useEffect(() => {
    if (save.error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save.error]);

  const change = (next: DraftSegment[]) => {
    setSaved(false);
    setDraft(next);
  };
  const moveBy = (index: number, by: -1 | 1) => {
    const segment = draft[index];
    if (!segment) return;
    change(move(draft, index, by));
    setSaid(t('runSheet.moved', { name: nameOf(segment.productId), position: index + by + 1 }));
    // Keep the keyboard on the moved segment: the same button, or the other one at either end.
    requestAnimationFrame(() => {
      const card = list.current?.querySelector(`[data-uid="${segment.uid}"]`);
      const buttons = [...(card?.querySelectorAll<HTMLButtonElement>('.rs-moves button') ?? [])];
      const same = buttons[by === -1 ? 0 : 1];
      (same && !same.disabled ? same : buttons.find((b) => !b.disabled))?.focus();
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate(toBody(draft), {
      onSuccess: (stored) => {
        setDraft(toDraft(stored.segments));
        setSaved(true);
      },
      // The first field the server named gets the focus (the save bar may cover it).
      onError: () => requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()),
    });
  };

  const segments = (
    <ol className="rs-list" ref={list}>
      {draft.map((s, i) => (
        <RunSheetSegment
          key={s.uid}
          segment={s}
          index={i}
          count={draft.length}
          name={nameOf(s.productId)}
          currency={currency}
          edit={
            editable
              ? {
                  errors,
                  onChange: (next) => change(restart(draft.map((d, k) => (k === i ? next : d)))),
                  onMove: (by) => moveBy(i, by),
                }
              : undefined
          }
        />
      ))}
    </ol>
  );
  const summary = (
    <p className={total > minutes ? 'rs-total over' : 'rs-total'} data-testid="run-sheet-total">
      {t('runSheet.total', { total, minutes })}
    </p>
  );
  if (!editable)
    return (
      <div data-testid="run-sheet" data-readonly="true">
        {summary}
        {segments}
      </div>
    );
  return (
    <form ref={form} onSubmit={submit} data-testid="run-sheet" noValidate>
      {summary}
      <p className="visually-hidden" role="status">
        {said}
      </p>
      {segments}
      {errors.form && (
        <p className="alert" role="alert">
          {errors.form}
        </p>
      )}
      <div className="actions rs-actions">
        {saved && (
          <span className="muted" role="status" data-testid="run-sheet-saved">
            {t('runSheet.saved')}
          </span>
        )}
        <button type="submit" className="btn primary" disabled={save.isPending} data-testid="save-run-sheet">
          {save.isPending ? t('common.working') : t('runSheet.save')}
        </button>
      </div>
    </form>
  );
}

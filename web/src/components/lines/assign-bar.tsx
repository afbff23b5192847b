import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Kos } from '../../types';
import { Field } from '../ui/field';

/**
 * Assigning the ticked lines: "select all shown", how many are ticked, the KOS to give them to and the
 * Assign button. The caller's KOS list is already limited to their scope by the server.
 */
export function AssignBar({
  kos,
  shown,
  selected,
  busy,
  onSelectAll,
  onAssign,
}: {
  kos: readonly Kos[];
  /** How many lines the page shows (the "select all" box ticks them all). */
  shown: number;
  selected: number;
  busy: boolean;
  onSelectAll: (on: boolean) => void;
  onAssign: (kosId: string) => void;
}) {
  const { t } = useTranslation();
  const [kosId, setKosId] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (kosId && selected > 0) onAssign(kosId);
  };
  const choosable = kos.filter((k) => k.status !== 'offboarded');

  return (
    <form className="assign-bar" data-testid="assign-bar" onSubmit={submit}>
      <Field label={t('lines.selectAll')}>
        <input
          type="checkbox"
          name="selectAll"
          checked={shown > 0 && selected === shown}
          disabled={shown === 0 || busy}
          onChange={(e) => onSelectAll(e.target.checked)}
        />
      </Field>
      <p className="assign-count" data-testid="selected-count" aria-live="polite">
        {t('lines.selected', { count: selected })}
      </p>
      <Field label={t('lines.field.assignTo')}>
        <select name="assignTo" value={kosId} required onChange={(e) => setKosId(e.target.value)}>
          <option value="">{t('lines.chooseKos')}</option>
          {choosable.map((k) => (
            <option key={k.id} value={k.id}>
              {`${k.name} (${k.code})`}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="btn primary" data-testid="assign" disabled={busy || selected === 0 || !kosId}>
        {t('lines.assign')}
      </button>
    </form>
  );
}

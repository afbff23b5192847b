import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveLivestream } from '../../data/livestreams';
import { formatNumber } from '../../format';
import type { Livestream } from '../../types';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';

export const STAT_KEYS = [
  'views',
  'viewers',
  'peakViewers',
  'avgWatchSeconds',
  'comments',
  'questions',
  'questionsAnswered',
  'productClicks',
  'addToCart',
] as const;
type StatKey = (typeof STAT_KEYS)[number];

/** The session's stats as read from the platform's live dashboard; read-only for a role that may not change sessions. */
export function StatsForm({ session, editable }: { session: Livestream; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const save = useSaveLivestream();
  const [values, setValues] = useState(() => Object.fromEntries(STAT_KEYS.map((k) => [k, String(session.stats[k])])));
  const errors = useFormErrors(
    save.error,
    STAT_KEYS.map((k) => `stats.${k}`),
  );
  const [saved, setSaved] = useState(false);

  if (!editable)
    return (
      <section className="card" aria-labelledby="stats-title" data-testid="stats">
        <h2 id="stats-title">{t('livestreams.stats.title')}</h2>
        <dl className="metric-cards">
          {STAT_KEYS.map((k) => (
            <div key={k} className="metric-card">
              <dt>{t(`livestreams.stats.${k}`)}</dt>
              <dd>{formatNumber(session.stats[k], i18n.language)}</dd>
            </div>
          ))}
        </dl>
      </section>
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const stats = Object.fromEntries(STAT_KEYS.map((k) => [k, Number(values[k] || 0)])) as Record<StatKey, number>;
    save.mutate({ id: session.id, body: { stats } }, { onSuccess: () => setSaved(true) });
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="stats-title" data-testid="stats-form" noValidate>
      <h2 id="stats-title">{t('livestreams.stats.title')}</h2>
      <p className="muted small">{t('livestreams.stats.hint')}</p>
      <div className="form-grid stats-grid">
        {STAT_KEYS.map((k) => (
          <Field key={k} label={t(`livestreams.stats.${k}`)} error={errors.of(`stats.${k}`)}>
            <input
              name={`stats.${k}`}
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={values[k]}
              onChange={(e) => setValues({ ...values, [k]: e.target.value })}
            />
          </Field>
        ))}
      </div>
      {errors.form && (
        <p className="alert" role="alert">
          {errors.form}
        </p>
      )}
      <div className="actions">
        {saved && (
          <span className="muted" role="status">
            {t('livestreams.stats.saved')}
          </span>
        )}
        <button type="submit" className="btn primary" disabled={save.isPending} data-testid="save-stats">
          {save.isPending ? t('common.working') : t('livestreams.stats.save')}
        </button>
      </div>
    </form>
  );
}

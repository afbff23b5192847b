import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveContest } from '../../data/contests';
import { CONTEST_METRICS, CONTEST_SCOPES, type Contest, isMoneyMetric } from '../../data/contests-enums';
import { enumKey } from '../../enums';
import { errorText, fieldProblemText, problemOf } from '../../problem-text';
import { UNIT_KINDS } from '../../types';
import { Field } from '../ui/field';
import { type ContestDraft, readDraft } from './contest-draft';
import { ParticipantsFields } from './participants-fields';
import { PrizeRows, TargetRows } from './reward-rows';

/** The paths the form shows an error at (a row's own fields are `prizes.0.rankFrom`…); any other goes above the buttons. */
const FIELD =
  /^(name|metric|scope|unitKind|from|to|participants\.(kosIds|unitIds|relationships|tiers)(\.\d+)?|(prizes|targets)(\.\d+(\.(rankFrom|rankTo|amountMinor|value|bonusMinor))?)?)$/;

/** Create (no `contest`) or edit a contest: name, metric, scope, dates, participants, prizes and targets. */
export function ContestForm({
  contest,
  initial,
  currency,
  onSaved,
  onCancel,
}: {
  contest?: Contest;
  initial: ContestDraft;
  currency: string;
  onSaved: (contest: Contest) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [tried, setTried] = useState(false);
  const save = useSaveContest();
  const { body, errors: local } = readDraft(draft, currency);
  const problem = problemOf(save.error);
  const items = problem?.errors ?? [];
  // A field's error: what the browser found (a missing value only after a first try), else the server's at that exact path.
  const errorOf = (path: string) => {
    const key = local[path];
    if (key && (tried || key !== 'contests.error.required')) return t(key);
    // A participants list shows the errors of its items too (`participants.kosIds.2`).
    const within = path.startsWith('participants.');
    const item = items.find((e) => e.path === path || (within && e.path.startsWith(`${path}.`)));
    return item && problem ? fieldProblemText(item, problem, t, i18n.language) : undefined;
  };
  const shown = items.some((e) => FIELD.test(e.path));
  const formError = save.error && !shown ? errorText(save.error, t, i18n.language) : null;
  const change = (patch: Partial<ContestDraft>) => setDraft({ ...draft, ...patch });
  const set = (key: 'name' | 'from' | 'to') => (e: { target: { value: string } }) => change({ [key]: e.target.value });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(local).length > 0) return;
    save.mutate({ id: contest?.id, body }, { onSuccess: onSaved });
  };
  const title = contest ? t('contests.editTitle', { name: contest.name }) : t('contests.new');

  return (
    <form className="card form contest-form" onSubmit={submit} aria-label={title} data-testid="contest-form" noValidate>
      <h2>{title}</h2>
      <div className="form-grid">
        <Field label={t('contests.field.name')} error={errorOf('name')}>
          <input name="name" required value={draft.name} onChange={set('name')} />
        </Field>
        <Field label={t('contests.field.metric')} error={errorOf('metric')}>
          <select
            name="metric"
            value={draft.metric}
            onChange={(e) => change({ metric: e.target.value as ContestDraft['metric'] })}
          >
            {CONTEST_METRICS.map((m) => (
              <option key={m} value={m}>
                {t(enumKey('contests.metric', m))}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('contests.field.from')} error={errorOf('from')}>
          <input name="from" type="date" required value={draft.from} onChange={set('from')} />
        </Field>
        <Field label={t('contests.field.to')} hint={t('contests.hint.to')} error={errorOf('to')}>
          <input name="to" type="date" required value={draft.to} onChange={set('to')} />
        </Field>
      </div>
      <fieldset className="checks" data-testid="scope">
        <legend>{t('contests.field.scope')}</legend>
        {CONTEST_SCOPES.map((s) => (
          <label key={s} className="check-option">
            <input type="radio" name="scope" value={s} checked={draft.scope === s} onChange={() => change({ scope: s })} />
            {t(enumKey('contests.scope', s))}
          </label>
        ))}
        {errorOf('scope') && <small className="field-error">{errorOf('scope')}</small>}
      </fieldset>
      {draft.scope === 'unit' && (
        <div className="form-grid">
          <Field label={t('contests.field.unitKind')} hint={t('contests.hint.unitKind')} error={errorOf('unitKind')}>
            <select
              name="unitKind"
              value={draft.unitKind}
              onChange={(e) => change({ unitKind: e.target.value as ContestDraft['unitKind'] })}
            >
              {UNIT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(enumKey('units.kind', k))}
                </option>
              ))}
            </select>
          </Field>
        </div>
      )}
      <ParticipantsFields value={draft} onChange={change} errorOf={errorOf} />
      <PrizeRows rows={draft.prizes} currency={currency} onChange={(prizes) => change({ prizes })} errorOf={errorOf} />
      <TargetRows
        rows={draft.targets}
        currency={currency}
        money={isMoneyMetric(draft.metric)}
        onChange={(targets) => change({ targets })}
        errorOf={errorOf}
      />
      {formError && (
        <p className="alert" role="alert" data-testid="contest-form-error">
          {formError}
        </p>
      )}
      <div className="actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn primary" disabled={save.isPending} data-testid="save-contest">
          {save.isPending ? t('common.working') : t('contests.save')}
        </button>
      </div>
    </form>
  );
}

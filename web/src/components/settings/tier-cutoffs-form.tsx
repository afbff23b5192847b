import { type FormEvent, Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrgPatch, usePatchOrg } from '../../data/settings';
import { cutoffsOf } from '../../data/tiers';
import type { TierCutoffs } from '../../data/tiers-types';
import type { Org } from '../../types';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';

const KEYS = ['s', 'a', 'b'] as const;
type Draft = Record<(typeof KEYS)[number], string>;
const draftOf = (c: TierCutoffs): Draft => ({ s: String(c.s), a: String(c.a), b: String(c.b) });

/** What is wrong with a draft before it is sent: each share a whole number from 0, together at most 100. */
export function cutoffProblems(draft: Draft): { field: Partial<Record<keyof Draft, 'whole'>>; sum: number | null } {
  const field: Partial<Record<keyof Draft, 'whole'>> = {};
  for (const k of KEYS) if (!/^\d{1,3}$/.test(draft[k].trim())) field[k] = 'whole';
  const sum = KEYS.reduce((acc, k) => acc + Number(draft[k].trim() || 0), 0);
  return { field, sum: Object.keys(field).length === 0 && sum > 100 ? sum : null };
}

/**
 * The org's tier cut-offs (`PATCH /org {tierCutoffs}`, docs/tiers.md): S is the top s % of active KOS by net
 * sales of the last 30 days, A the next a %, B the next b %, the rest C. Read-only for those who may not change the org.
 */
export function TierCutoffsForm({ org, editable }: { org: Org; editable: boolean }) {
  const { t } = useTranslation();
  const current = cutoffsOf(org);
  const [draft, setDraft] = useState<Draft>(() => draftOf(current));
  const [checked, setChecked] = useState(false);
  const [saved, setSaved] = useState(false);
  const patch = usePatchOrg();
  const server = useFormErrors(patch.error, ['tierCutoffs']);
  const local = cutoffProblems(draft);
  const shown = checked ? local : { field: {}, sum: null };
  const rest = Math.max(0, 100 - KEYS.reduce((acc, k) => acc + (Number(draft[k]) || 0), 0));

  if (!editable)
    return (
      <div data-testid="tier-cutoffs">
        <h2>{t('tiers.cutoffs.title')}</h2>
        <p className="muted small">{t('settings.readOnly')}</p>
        <dl className="facts">
          {KEYS.map((k) => (
            <Fragment key={k}>
              <dt>{t(`tiers.cutoffs.field.${k}`)}</dt>
              <dd>{t('tiers.cutoffs.percent', { value: current[k] })}</dd>
            </Fragment>
          ))}
        </dl>
      </div>
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setSaved(false);
    if (Object.keys(local.field).length > 0 || local.sum !== null) return;
    const body: OrgPatch = { tierCutoffs: { s: Number(draft.s), a: Number(draft.a), b: Number(draft.b) } };
    patch.mutate(body, {
      onSuccess: (o) => {
        setDraft(draftOf(cutoffsOf(o)));
        setChecked(false);
        setSaved(true);
      },
    });
  };
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => {
    patch.reset();
    setSaved(false);
    setDraft({ ...draft, [k]: e.target.value });
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="tier-cutoffs" aria-labelledby="tier-cutoffs-title">
      <h2 id="tier-cutoffs-title">{t('tiers.cutoffs.title')}</h2>
      <p className="muted small">{t('tiers.cutoffs.explain')}</p>
      <div className="form-grid cutoff-grid">
        {KEYS.map((k) => (
          <Field
            key={k}
            label={t(`tiers.cutoffs.field.${k}`)}
            hint={t('tiers.cutoffs.hint')}
            error={shown.field[k] ? t('tiers.cutoffs.whole') : (server.of(`tierCutoffs.${k}`) ?? undefined)}
          >
            <input name={k} type="number" min={0} max={100} step={1} inputMode="numeric" value={draft[k]} onChange={set(k)} />
          </Field>
        ))}
      </div>
      {Object.keys(local.field).length === 0 && local.sum === null && (
        <p className="muted small" data-testid="cutoff-rest">
          {t('tiers.cutoffs.rest', { c: rest })}
        </p>
      )}
      {shown.sum !== null && (
        <p className="alert" role="alert" data-testid="cutoff-sum-error">
          {t('tiers.cutoffs.tooMuch', { sum: shown.sum })}
        </p>
      )}
      {(server.form || (patch.error && !KEYS.some((k) => server.of(`tierCutoffs.${k}`)) && server.of('tierCutoffs'))) && (
        <p className="alert" role="alert">
          {server.form ?? server.of('tierCutoffs')}
        </p>
      )}
      {saved && (
        <p className="notice" role="status" data-testid="cutoffs-saved">
          {t('settings.saved')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn primary" disabled={patch.isPending} data-testid="save-cutoffs">
          {patch.isPending ? t('common.working') : t('tiers.cutoffs.save')}
        </button>
      </div>
    </form>
  );
}

import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../access/use-can';
import { isTierLocked, useSetTier } from '../../data/tiers';
import { Link } from '../../router/link';
import { type Kos, TIERS } from '../../types';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { LockIcon } from './lock-icon';
import '../../styles/tiers.css';

/**
 * A KOS's performance tier on its page: the tier, whether it is locked against recomputes, the link to the
 * scorecard, and for those who may change the KOS a tier set by hand (history reason `manual`) and the lock.
 */
export function TierControl({ kos }: { kos: Kos }) {
  const { t } = useTranslation();
  const can = useCan();
  const locked = isTierLocked(kos);
  const save = useSetTier(kos.id);
  const errors = useFormErrors(save.error, ['tier', 'tierLocked']);
  const [tier, setTier] = useState<string>(kos.tier ?? '');
  const none = t('common.none');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ tier: (tier || null) as Kos['tier'] });
  };
  return (
    <section className="card tier-control" aria-labelledby="tier-control-title" data-testid="tier-control">
      <header className="page-head">
        <h2 id="tier-control-title">{t('tiers.performanceTier')}</h2>
        <Link to={`/kos/${encodeURIComponent(kos.id)}/scorecard`} data-testid="scorecard-link">
          {t('tiers.scorecard.open')}
        </Link>
      </header>
      <p className="tier-now">
        <span className={`tier-pill tier-${kos.tier ?? 'none'}`} data-testid="kos-tier">
          {kos.tier ?? none}
        </span>{' '}
        {locked ? (
          <span className="tier-lock" data-testid="tier-locked">
            <LockIcon /> {t('tiers.locked')}
          </span>
        ) : (
          <span className="muted small">{t('tiers.unlockedHint')}</span>
        )}
      </p>
      {locked && <p className="muted small">{t('tiers.lockedHint')}</p>}
      {can('kos.edit') && (
        <form className="tier-form" onSubmit={submit} noValidate aria-label={t('tiers.setByHand')}>
          <Field label={t('tiers.setByHand')} hint={t('tiers.setByHandHint')} error={errors.of('tier')}>
            <select name="tier" value={tier} onChange={(e) => setTier(e.target.value)}>
              <option value="">{none}</option>
              {TIERS.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          </Field>
          <div className="actions">
            <button
              type="submit"
              className="btn primary"
              data-testid="save-tier"
              disabled={save.isPending || tier === (kos.tier ?? '')}
            >
              {t('tiers.saveTier')}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="toggle-lock"
              aria-pressed={locked}
              disabled={save.isPending}
              onClick={() => save.mutate({ tierLocked: !locked })}
            >
              {locked ? t('tiers.unlock') : t('tiers.lock')}
            </button>
          </div>
          {(errors.form || errors.of('tierLocked')) && (
            <p className="alert" role="alert">
              {errors.form ?? errors.of('tierLocked')}
            </p>
          )}
        </form>
      )}
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatPercent } from '../../format';
import { Field } from '../ui/field';
import { currencyDigits, moneyInput, parseMoney } from './amounts';
import { lineCommission, monthAtClose, type PreviewPlan } from './commission-preview';

const amount = (text: string, currency: string) => {
  const v = parseMoney(text, currency);
  return v === null || Number.isNaN(v) ? 0 : v;
};

/** What a sample line, and a sample month, would earn under the plan being edited (computed here, as the server does). */
export function PlanPreview({ plan, currency }: { plan: PreviewPlan | null; currency: string }) {
  const { t, i18n } = useTranslation();
  const unit = 10 ** currencyDigits(currency);
  const [sample, setSample] = useState({
    net: moneyInput((unit === 1 ? 1_000_000 : 1_000) * unit, currency),
    refund: '',
    platformCommission: '',
    sku: '',
    category: '',
    month: moneyInput((unit === 1 ? 60_000_000 : 60_000) * unit, currency),
  });
  const set = (key: keyof typeof sample) => (e: { target: { value: string } }) => setSample({ ...sample, [key]: e.target.value });
  const money = (minor: number) => formatMoney(minor, currency, i18n.language);
  const percent = (bps: number) => formatPercent(bps / 10_000, i18n.language);
  const line = plan
    ? lineCommission(plan, {
        netMinor: amount(sample.net, currency),
        refundMinor: amount(sample.refund, currency),
        platformCommissionMinor: sample.platformCommission.trim() ? amount(sample.platformCommission, currency) : null,
        sku: sample.sku.trim() || null,
        category: sample.category.trim() || null,
      })
    : null;
  const month = plan ? monthAtClose(plan, amount(sample.month, currency)) : null;
  const suggestions = (key: 'sku' | 'category') => [...new Set((plan?.overrides ?? []).flatMap((o) => (o[key] ? [o[key]] : [])))];

  return (
    <section className="card plan-preview" aria-labelledby="plan-preview-title" data-testid="plan-preview">
      <h2 id="plan-preview-title">{t('plans.preview.title')}</h2>
      <p className="muted small">{t('plans.preview.intro')}</p>
      <div className="form-grid">
        <Field label={t('plans.preview.net', { currency })}>
          <input name="sample.net" inputMode="decimal" value={sample.net} onChange={set('net')} />
        </Field>
        <Field label={t('plans.preview.refund', { currency })}>
          <input name="sample.refund" inputMode="decimal" value={sample.refund} onChange={set('refund')} />
        </Field>
        <Field label={t('plans.preview.platformCommission', { currency })}>
          <input
            name="sample.platformCommission"
            inputMode="decimal"
            value={sample.platformCommission}
            onChange={set('platformCommission')}
          />
        </Field>
        <Field label={t('plans.overrides.sku')}>
          <input name="sample.sku" list="preview-skus" value={sample.sku} onChange={set('sku')} />
        </Field>
        <Field label={t('plans.overrides.category')}>
          <input name="sample.category" list="preview-categories" value={sample.category} onChange={set('category')} />
        </Field>
      </div>
      <datalist id="preview-skus">
        {suggestions('sku').map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      <datalist id="preview-categories">
        {suggestions('category').map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      {line ? (
        <dl className="facts preview-result" data-testid="preview-line">
          <dt>{t('plans.preview.base')}</dt>
          <dd>{money(line.baseMinor)}</dd>
          <dt>{t('plans.preview.rate')}</dt>
          <dd data-testid="preview-rate">
            {percent(line.rateBps)} <span className="muted">({t(`plans.preview.source.${line.source}`)})</span>
          </dd>
          <dt>{t('plans.preview.commission')}</dt>
          <dd className="preview-amount" data-testid="preview-commission">
            {money(line.amountMinor)}
          </dd>
        </dl>
      ) : (
        <p className="muted" data-testid="preview-line">
          {t('plans.preview.needRate')}
        </p>
      )}
      <h3>{t('plans.preview.monthTitle')}</h3>
      <Field label={t('plans.preview.monthBase', { currency })} hint={t('plans.preview.stepsNote')}>
        <input name="sample.month" inputMode="decimal" value={sample.month} onChange={set('month')} />
      </Field>
      {month && (
        <dl className="facts preview-result" data-testid="preview-month">
          <dt>{t('plans.preview.monthRate')}</dt>
          <dd data-testid="preview-month-rate">
            {percent(month.rateBps)}{' '}
            <span className="muted">({t(month.stepped ? 'plans.preview.stepReached' : 'plans.preview.noSteps')})</span>
          </dd>
          <dt>{t('plans.preview.monthCommission')}</dt>
          <dd className="preview-amount" data-testid="preview-month-commission">
            {money(month.amountMinor)}
          </dd>
        </dl>
      )}
    </section>
  );
}

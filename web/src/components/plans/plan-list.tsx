import { useTranslation } from 'react-i18next';
import { useAllKos, useUnits } from '../../data';
import { enumKey } from '../../enums';
import { formatDate, formatMoney, formatPercent } from '../../format';
import type { Plan } from '../../types';
import { type Column, ResponsiveList } from '../ui/responsive-list';

/** Whether a plan is in force on `today`, starts later or has ended (by its dates, in the org's days). */
export const planState = (plan: Plan, today: string): 'active' | 'upcoming' | 'ended' =>
  plan.validFrom > today ? 'upcoming' : plan.validTo !== null && plan.validTo < today ? 'ended' : 'active';

/** The plans as a table (cards on a phone): name, state, who it covers, dates, rates, fee; "Edit" for owners and admins. */
export function PlanList({ rows, today, onEdit }: { rows: readonly Plan[]; today: string; onEdit?: (plan: Plan) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const kos = useAllKos();
  const units = useUnits();
  const kosName = new Map((kos.data ?? []).map((k) => [k.id, k.code]));
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const covers = (p: Plan) => {
    const a = p.appliesTo;
    const parts = [
      ...(a.kosIds ?? []).map((id) => kosName.get(id) ?? id),
      ...(a.unitIds ?? []).map((id) => unitName.get(id) ?? id),
      ...(a.relationships ?? []).map((r) => t(enumKey('kos.relationship', r))),
      ...(a.tiers ?? []).map((tier) => `${t('plans.field.tiers')} ${tier}`),
    ];
    return parts.length ? parts.join(', ') : t('plans.appliesTo.orgDefaultShort');
  };
  const percent = (bps: number) => formatPercent(bps / 10_000, lang);
  const columns: Column<Plan>[] = [
    { key: 'name', header: t('plans.field.name'), cell: (p) => p.name, role: 'title' },
    {
      key: 'state',
      header: t('plans.column.state'),
      role: 'status',
      cell: (p) => {
        const state = planState(p, today);
        return <span className={`badge tone-${state === 'active' ? 'good' : 'muted'}`}>{t(`plans.state.${state}`)}</span>;
      },
    },
    { key: 'appliesTo', header: t('plans.field.appliesTo'), cell: covers },
    {
      key: 'valid',
      header: t('plans.column.valid'),
      cell: (p) =>
        t('plans.validRange', {
          from: formatDate(p.validFrom, lang),
          to: p.validTo ? formatDate(p.validTo, lang) : t('plans.openEnded'),
        }),
    },
    {
      key: 'rate',
      header: t('plans.field.rateBps'),
      cell: (p) => (
        <>
          {percent(p.rateBps)}
          <span className="muted small plan-base">{t(enumKey('plans.base', p.base))}</span>
        </>
      ),
    },
    {
      key: 'extra',
      header: t('plans.column.rules'),
      cell: (p) => t('plans.rulesCount', { overrides: p.overrides.length, steps: p.steps.length }),
    },
    {
      key: 'fee',
      header: t('plans.column.fee'),
      numeric: true,
      cell: (p) => formatMoney(p.livestreamFeeMinor, p.currency, lang),
    },
    { key: 'holding', header: t('plans.field.holdingDays'), numeric: true, cell: (p) => p.holdingDays },
  ];
  if (onEdit)
    columns.push({
      key: 'actions',
      header: t('plans.column.actions'),
      role: 'actions',
      cell: (p) => (
        <button type="button" className="btn small" onClick={() => onEdit(p)} aria-label={t('plans.editNamed', { name: p.name })}>
          {t('plans.edit')}
        </button>
      ),
    });
  return (
    <ResponsiveList
      data-testid="plan-table"
      caption={t('plans.listCaption')}
      rows={rows}
      columns={columns}
      rowKey={(p) => p.id}
    />
  );
}

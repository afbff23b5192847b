import { useTranslation } from 'react-i18next';
import { useAllKos } from '../data';
import { formatMoney } from '../format';
import type { Payout } from '../types';

export type PayoutAction = { kind: 'approve'; id: string } | { kind: 'mark-paid'; id: string; reference: string };

/** The payouts of a month with their next action and statement link. */
export function PayoutTable({ rows, busy, onAction }: { rows: Payout[]; busy: boolean; onAction: (a: PayoutAction) => void }) {
  const { t, i18n } = useTranslation();
  const roster = useAllKos();
  const nameOf = new Map((roster.data ?? []).map((k) => [k.id, `${k.name} (${k.code})`]));
  const money = (minor: number, currency: string) => formatMoney(minor, currency, i18n.language);

  const markPaid = (id: string) => {
    const reference = window.prompt(t('payout.referencePrompt'))?.trim();
    if (reference) onAction({ kind: 'mark-paid', id, reference });
  };

  return (
    <div className="table-wrap">
      <table className="table" data-testid="payout-table">
        <thead>
          <tr>
            <th>{t('payout.kos')}</th>
            <th className="num">{t('payout.gross')}</th>
            <th className="num">{t('payout.withheld')}</th>
            <th className="num">{t('payout.net')}</th>
            <th>{t('payout.status')}</th>
            <th>{t('payout.reference')}</th>
            <th>{t('payout.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id}>
              <td>{nameOf.get(p.kosId) ?? p.kosId}</td>
              <td className="num">{money(p.grossMinor, p.currency)}</td>
              <td className="num">{money(p.withheldMinor, p.currency)}</td>
              <td className="num">{money(p.netMinor, p.currency)}</td>
              <td>
                <span className={`badge payout-${p.status}`}>{t(`payoutStatus.${p.status}`)}</span>
              </td>
              <td className="mono">{p.reference ?? t('common.none')}</td>
              <td className="row-actions">
                {p.status === 'draft' && (
                  <button
                    type="button"
                    className="btn small"
                    disabled={busy}
                    onClick={() => onAction({ kind: 'approve', id: p.id })}
                  >
                    {t('payout.approve')}
                  </button>
                )}
                {p.status === 'approved' && (
                  <button type="button" className="btn small" disabled={busy} onClick={() => markPaid(p.id)}>
                    {t('payout.markPaid')}
                  </button>
                )}
                <a
                  className="btn small"
                  href={`/api/v1/payouts/${encodeURIComponent(p.id)}/statement?lang=${encodeURIComponent(i18n.language)}`}
                  target="_blank"
                  rel="noopener"
                >
                  {t('payout.statement')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

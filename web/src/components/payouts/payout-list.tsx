import { useTranslation } from 'react-i18next';
import { useCan } from '../../access/use-can';
import { statementUrl } from '../../data/payouts';
import { displayLocale, formatMoney } from '../../format';
import type { Payout } from '../../types';
import { Badge } from '../ui/badge';
import { type Column, ResponsiveList } from '../ui/responsive-list';

/** The payouts of a month with their next step (approve, mark paid) and statement link. */
export function PayoutList({
  rows,
  nameOf,
  busy,
  onApprove,
  onMarkPaid,
}: {
  rows: Payout[];
  nameOf: (p: Payout) => string;
  busy: boolean;
  onApprove: (p: Payout) => void;
  onMarkPaid: (p: Payout) => void;
}) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const money = (minor: number, currency: string) => formatMoney(minor, currency, i18n.language);

  const columns: Column<Payout>[] = [
    { key: 'kos', header: t('payouts.field.kos'), cell: nameOf, role: 'title' },
    {
      key: 'status',
      header: t('payouts.field.status'),
      cell: (p) => <Badge of="payouts.status" value={p.status} />,
      role: 'status',
    },
    { key: 'gross', header: t('payouts.field.grossMinor'), cell: (p) => money(p.grossMinor, p.currency), numeric: true },
    { key: 'withheld', header: t('payouts.field.withheldMinor'), cell: (p) => money(p.withheldMinor, p.currency), numeric: true },
    { key: 'net', header: t('payouts.field.netMinor'), cell: (p) => money(p.netMinor, p.currency), numeric: true },
    {
      key: 'reference',
      header: t('payouts.field.reference'),
      cell: (p) => <span className="mono">{p.reference ?? t('common.none')}</span>,
    },
    {
      key: 'actions',
      header: t('payouts.actions'),
      role: 'actions',
      cell: (p) => (
        <>
          {p.status === 'draft' && can('payouts.approve') && (
            <button
              type="button"
              className="btn small primary"
              data-testid="approve"
              disabled={busy}
              onClick={() => onApprove(p)}
            >
              {t('payouts.approve')}
            </button>
          )}
          {p.status === 'approved' && can('payouts.markPaid') && (
            <button
              type="button"
              className="btn small primary"
              data-testid="mark-paid"
              disabled={busy}
              onClick={() => onMarkPaid(p)}
            >
              {t('payouts.markPaid')}
            </button>
          )}
          <a
            className="btn small"
            href={statementUrl(p, displayLocale(i18n.language))}
            data-testid="statement"
            target="_blank"
            rel="noopener"
          >
            {t('payouts.statement')}
          </a>
        </>
      ),
    },
  ];

  return (
    <ResponsiveList
      data-testid="payout-table"
      caption={t('payouts.listCaption')}
      rows={rows}
      columns={columns}
      rowKey={(p) => p.id}
    />
  );
}

import { formatDate, formatMoney } from '../../lib/format.js';
import { escapeHtml as e, type Locale } from '../../lib/locale.js';

export interface StatementData {
  locale: Locale;
  /** The org's time zone, for `eligibleAt` given as an instant (default UTC). */
  timeZone?: string;
  orgName: string;
  kos: { code: string; name: string; taxCode: string | null };
  payout: {
    id: string;
    period: string;
    status: string;
    grossMinor: number;
    withheldMinor: number;
    netMinor: number;
    currency: string;
    reference: string | null;
  };
  /** `eligibleAt`: a calendar date `YYYY-MM-DD` or an ISO instant. */
  entries: { kind: string; amountMinor: number; cause: string; eligibleAt: string | null }[];
}

const WORDS: Record<
  Locale,
  Record<'title' | 'kind' | 'cause' | 'amount' | 'gross' | 'withheld' | 'net' | 'eligible' | 'reference', string>
> = {
  vi: {
    title: 'Bảng kê chi trả',
    kind: 'Loại',
    cause: 'Nguồn',
    amount: 'Số tiền',
    gross: 'Tổng',
    withheld: 'Thuế TNCN khấu trừ',
    net: 'Thực nhận',
    eligible: 'Đủ điều kiện',
    reference: 'Mã giao dịch',
  },
  'zh-CN': {
    title: '结算单',
    kind: '类型',
    cause: '来源',
    amount: '金额',
    gross: '应发',
    withheld: '代扣个税',
    net: '实发',
    eligible: '可结算时间',
    reference: '付款参考号',
  },
  en: {
    title: 'Payout statement',
    kind: 'Kind',
    cause: 'Cause',
    amount: 'Amount',
    gross: 'Gross',
    withheld: 'Tax withheld',
    net: 'Net',
    eligible: 'Eligible',
    reference: 'Reference',
  },
};

/**
 * A printable statement: every entry behind a payout with the line or session that caused it. Amounts are
 * written in the currency's convention, dates in the statement's language (lib/format.ts).
 */
export function renderStatement(d: StatementData): string {
  const w = WORDS[d.locale];
  const money = (minor: number) => e(formatMoney(minor, d.payout.currency, d.locale));
  const day = (value: string | null) => (value === null ? '' : e(formatDate(value, d.locale, d.timeZone)));
  const rows = d.entries
    .map(
      (x) =>
        `<tr><td>${e(x.kind)}</td><td>${e(x.cause)}</td><td>${day(x.eligibleAt)}</td><td class="n">${money(x.amountMinor)}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="${d.locale}"><head><meta charset="utf-8"><title>${e(w.title)} ${e(d.payout.period)} — ${e(d.kos.code)}</title>
<style>body{font:14px/1.5 system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:6px 8px;text-align:left}.n{text-align:right;white-space:nowrap}tfoot td{font-weight:600}@media print{body{margin:0}}</style></head>
<body><h1>${e(w.title)} ${e(d.payout.period)}</h1><p>${e(d.orgName)} · ${e(d.kos.name)} (${e(d.kos.code)})${d.kos.taxCode ? ` · MST ${e(d.kos.taxCode)}` : ''} · ${e(d.payout.status)}${d.payout.reference ? ` · ${e(w.reference)} ${e(d.payout.reference)}` : ''}</p>
<table><thead><tr><th>${e(w.kind)}</th><th>${e(w.cause)}</th><th>${e(w.eligible)}</th><th class="n">${e(w.amount)}</th></tr></thead><tbody>${rows}</tbody>
<tfoot><tr><td colspan="3">${e(w.gross)}</td><td class="n">${money(d.payout.grossMinor)}</td></tr><tr><td colspan="3">${e(w.withheld)}</td><td class="n">${money(-d.payout.withheldMinor)}</td></tr><tr><td colspan="3">${e(w.net)}</td><td class="n">${money(d.payout.netMinor)}</td></tr></tfoot></table></body></html>`;
}

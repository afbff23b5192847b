import { formatDateTime, formatMoney } from '../../lib/format.js';
import { escapeHtml as e, type Locale } from '../../lib/locale.js';
import { RUN_SHEET_WORDS } from './run-sheet-words.js';
import { MINUTE_MS, type Segment } from './run-sheets.js';

export interface RunSheetPageData {
  locale: Locale;
  timeZone: string;
  orgName: string;
  session: { title: string; scheduledStart: number; scheduledEnd: number; currency: string };
  /** Stream minutes D (docs/run-sheets.md). */
  minutes: number;
  segments: readonly Segment[];
  products: ReadonlyMap<string, { name: string; sku: string; stock: number | null }>;
}

const STYLE =
  '@page{size:A4;margin:14mm}body{font:12px/1.45 system-ui,sans-serif;color:#111;margin:1.5rem}' +
  'h1{font-size:18px;margin:0 0 2px}h2{font-size:14px;margin:10px 0 6px}.meta{color:#555;margin:0 0 6px}' +
  'table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:5px 6px;text-align:left;vertical-align:top}' +
  'th{background:#f3f3f3}.t{white-space:nowrap}.warn{color:#b00020;font-weight:600}dl{margin:0}dt{font-weight:600}dd{margin:0 0 4px}' +
  '.page{break-after:page;page-break-after:always}.page:last-child{break-after:auto;page-break-after:auto}' +
  '@media print{body{margin:0}}';

/** Whole hours of the stream, at least one page. */
export const pageCount = (minutes: number): number => Math.max(1, Math.ceil(minutes / 60));

/**
 * The printable run-sheet: one A4 page per hour of stream, each with the segments that start in that hour
 * (a segment starting after the last hour goes on the last page). Every text is escaped.
 */
export function renderRunSheet(d: RunSheetPageData): string {
  const w = RUN_SHEET_WORDS[d.locale];
  const pages = pageCount(d.minutes);
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: d.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const header = `<h1>${e(w.title)}: ${e(d.session.title)}</h1><p class="meta">${e(d.orgName)} · ${e(formatDateTime(d.session.scheduledStart, d.locale, d.timeZone))} – ${e(formatDateTime(d.session.scheduledEnd, d.locale, d.timeZone))} · ${d.minutes} ${e(w.minutes)}</p>`;
  const row = (s: Segment): string => {
    const product = d.products.get(s.productId);
    const at = d.session.scheduledStart + s.startMinute * MINUTE_MS;
    const faqs = s.faqs.length ? `<dl>${s.faqs.map((f) => `<dt>${e(f.q)}</dt><dd>${e(f.a)}</dd>`).join('')}</dl>` : '';
    const offer = s.flashOffer
      ? `${e(formatMoney(s.flashOffer.priceMinor, d.session.currency, d.locale))} · ${s.flashOffer.quantity === null ? e(w.noLimit) : `${s.flashOffer.quantity} ${e(w.units)}`} · +${s.flashOffer.startMinute}–${s.flashOffer.endMinute} ${e(w.minutes)}`
      : '';
    const stock = product?.stock == null ? e(w.stockUnknown) : String(product.stock);
    const warning = s.stockWarning ? `<div class="warn">⚠ ${e(w.stockWarning)}</div>` : '';
    return (
      `<tr><td class="t">${e(clock.format(at))}<br>+${s.startMinute}′ · ${s.durationMinutes} ${e(w.minutes)}</td>` +
      `<td>${s.position}. ${e(product?.name ?? s.productId)}${product ? `<br><small>${e(product.sku)}</small>` : ''}</td>` +
      `<td>${e(s.talkingPoints)}</td><td>${faqs}</td><td>${offer}</td><td>${e(w.stock)}: ${stock}${warning}</td></tr>`
    );
  };
  const head = `<tr><th>${e(w.time)}</th><th>${e(w.product)}</th><th>${e(w.talkingPoints)}</th><th>${e(w.faqs)}</th><th>${e(w.flashOffer)}</th><th>${e(w.stock)}</th></tr>`;
  const sections = Array.from({ length: pages }, (_, h) => {
    const inHour = d.segments.filter((s) => Math.min(Math.floor(s.startMinute / 60), pages - 1) === h);
    const body = inHour.length ? inHour.map(row).join('') : '';
    return `<section class="page">${h === 0 ? header : ''}<h2>${e(w.hour)} ${h + 1} (+${h * 60}–${Math.min((h + 1) * 60, Math.max(d.minutes, 60))}′)</h2>${
      d.segments.length ? `<table><thead>${head}</thead><tbody>${body}</tbody></table>` : `<p>${e(w.empty)}</p>`
    }</section>`;
  });
  return `<!doctype html><html lang="${d.locale}"><head><meta charset="utf-8"><title>${e(w.title)}: ${e(d.session.title)}</title><style>${STYLE}</style></head><body>${sections.join('')}</body></html>`;
}

import type { Livestream } from '../../types';
import { instantFromZoned, zonedInput } from '../../zoned-time';
import { moneyInput, parseCount, parseMoney } from '../plans/amounts';

export interface OfferDraft {
  productId: string;
  price: string;
  quantityLimit: string;
  startsAt: string;
  endsAt: string;
}
/** A session as its form holds it: input texts, times on the org's wall clock, money in major units. */
export interface SessionDraft {
  kosId: string;
  accountId: string;
  title: string;
  scheduledStart: string;
  scheduledEnd: string;
  fee: string;
  productIds: string[];
  offers: OfferDraft[];
}

export function sessionDraftOf(s: Livestream | undefined, timeZone: string, kosId = ''): SessionDraft {
  if (!s) return { kosId, accountId: '', title: '', scheduledStart: '', scheduledEnd: '', fee: '', productIds: [], offers: [] };
  return {
    kosId: s.kosId,
    accountId: s.accountId,
    title: s.title,
    scheduledStart: zonedInput(s.scheduledStart, timeZone),
    scheduledEnd: zonedInput(s.scheduledEnd, timeZone),
    fee: moneyInput(s.feeMinor, s.currency),
    productIds: s.productIds,
    offers: s.flashOffers.map((o) => ({
      productId: o.productId,
      price: moneyInput(o.priceMinor, s.currency),
      quantityLimit: o.quantityLimit === null ? '' : String(o.quantityLimit),
      startsAt: zonedInput(o.startsAt, timeZone),
      endsAt: zonedInput(o.endsAt, timeZone),
    })),
  };
}

/** The API body of a draft and the errors found in the browser (API path → translation key). */
export function readSessionDraft(d: SessionDraft, timeZone: string, currency: string) {
  const errors: Record<string, string> = {};
  const time = (text: string) => instantFromZoned(text, timeZone) ?? undefined;
  const money = (path: string, text: string) => {
    const v = parseMoney(text, currency);
    if (v !== null && Number.isNaN(v)) errors[path] = 'livestreams.error.amount';
    return v === null || Number.isNaN(v) ? null : v;
  };
  const flashOffers = d.offers.map((o, i) => {
    const limit = parseCount(o.quantityLimit);
    if (limit !== null && (Number.isNaN(limit) || limit < 1))
      errors[`flashOffers.${i}.quantityLimit`] = 'livestreams.error.count';
    return {
      productId: o.productId || undefined,
      priceMinor: money(`flashOffers.${i}.priceMinor`, o.price) ?? undefined,
      quantityLimit: limit === null || Number.isNaN(limit) ? null : limit,
      startsAt: time(o.startsAt),
      endsAt: time(o.endsAt),
    };
  });
  const body = {
    kosId: d.kosId || undefined,
    accountId: d.accountId || undefined,
    title: d.title.trim(),
    scheduledStart: time(d.scheduledStart),
    scheduledEnd: time(d.scheduledEnd),
    feeMinor: money('feeMinor', d.fee),
    productIds: d.productIds,
    flashOffers,
  };
  return { body, errors };
}

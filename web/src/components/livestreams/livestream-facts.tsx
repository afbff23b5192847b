import { useTranslation } from 'react-i18next';
import { useCatalogue } from '../../data/livestreams';
import { enumKey } from '../../enums';
import { formatDateTime, formatMoney, formatNumber } from '../../format';
import { useMe } from '../../session';
import type { Livestream } from '../../types';

/** What a session is: its KOS, platform, times (org zone), fee, products and flash offers. */
export function LivestreamFacts({ session: s, kosName }: { session: Livestream; kosName: string }) {
  const { t, i18n } = useTranslation();
  const timeZone = useMe().org.timezone;
  const lang = i18n.language;
  const catalogue = useCatalogue();
  const productName = (id: string) => {
    const p = catalogue.data?.find((x) => x.id === id);
    return p ? `${p.name} (${p.sku})` : id;
  };
  const when = (iso: string | null) => (iso ? formatDateTime(iso, lang, timeZone) : t('common.none'));
  const money = (minor: number) => formatMoney(minor, s.currency, lang);
  return (
    <section className="card" aria-labelledby="facts-title" data-testid="livestream-facts">
      <h2 id="facts-title">{t('livestreams.detailsTitle')}</h2>
      <dl className="facts">
        <dt>{t('livestreams.field.kosId')}</dt>
        <dd>{kosName}</dd>
        <dt>{t('livestreams.field.platform')}</dt>
        <dd>{t(enumKey('platform', s.platform))}</dd>
        <dt>{t('livestreams.field.scheduledStart')}</dt>
        <dd>{when(s.scheduledStart)}</dd>
        <dt>{t('livestreams.field.scheduledEnd')}</dt>
        <dd>{when(s.scheduledEnd)}</dd>
        <dt>{t('livestreams.field.actualStart')}</dt>
        <dd data-testid="actual-start">{when(s.actualStart)}</dd>
        <dt>{t('livestreams.field.actualEnd')}</dt>
        <dd data-testid="actual-end">{when(s.actualEnd)}</dd>
        <dt>{t('livestreams.field.feeMinor')}</dt>
        <dd>{s.feeMinor === null ? t('livestreams.planFee') : money(s.feeMinor)}</dd>
        <dt>{t('livestreams.field.productIds')}</dt>
        <dd>{s.productIds.length ? s.productIds.map(productName).join(', ') : t('common.none')}</dd>
      </dl>
      {s.flashOffers.length > 0 && (
        <>
          <h3>{t('livestreams.field.flashOffers')}</h3>
          <ul className="offers" data-testid="offers">
            {s.flashOffers.map((o, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: offers have no id of their own
              <li key={i}>
                <strong>{productName(o.productId)}</strong> — {money(o.priceMinor)}
                {o.quantityLimit !== null &&
                  ` · ${t('livestreams.offer.limitOf', { limit: formatNumber(o.quantityLimit, lang) })}`}
                <br />
                <span className="muted small">
                  {t('livestreams.offer.window', { from: when(o.startsAt), to: when(o.endsAt) })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

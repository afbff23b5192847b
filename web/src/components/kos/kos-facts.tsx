import { useTranslation } from 'react-i18next';
import type { Kos } from '../../types';
import { Badge } from '../ui/badge';

/** Every field of one KOS as a definition list; `brief` keeps to what the roster's side panel needs. */
export function KosFacts({ kos, unitName, brief }: { kos: Kos; unitName: string | null; brief?: boolean }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const yesNo = (v: boolean) => (v ? t('kos.yes') : t('kos.no'));
  const list = (items: string[]) => (items.length ? items.join(', ') : none);
  const contacts = (['zalo', 'phone', 'messenger', 'email'] as const).filter((k) => kos.contacts[k]);
  return (
    <dl className="facts" data-testid="kos-facts">
      <dt>{t('kos.field.code')}</dt>
      <dd className="mono">{kos.code}</dd>
      <dt>{t('kos.field.handle')}</dt>
      <dd>
        {/* The public bio page lives outside the console, at /@handle. */}
        <a href={`/@${encodeURIComponent(kos.handle)}`} target="_blank" rel="noreferrer noopener">
          @{kos.handle}
        </a>
      </dd>
      <dt>{t('kos.field.relationship')}</dt>
      <dd>
        <Badge of="kos.relationship" value={kos.relationship} />
      </dd>
      <dt>{t('kos.field.unitId')}</dt>
      <dd>{unitName ?? none}</dd>
      <dt>{t('kos.field.status')}</dt>
      <dd>
        <Badge of="kos.status" value={kos.status} />
      </dd>
      <dt>{t('kos.field.tier')}</dt>
      <dd>{kos.tier ?? none}</dd>
      {!brief && (
        <>
          <dt>{t('kos.field.categories')}</dt>
          <dd>{list(kos.categories)}</dd>
          <dt>{t('kos.field.voucherCodes')}</dt>
          <dd className="mono">{list(kos.voucherCodes)}</dd>
          <dt>{t('kos.field.hasLabourContract3m')}</dt>
          <dd>{yesNo(kos.taxProfile.hasLabourContract3m)}</dd>
          <dt>{t('kos.field.commitment08')}</dt>
          <dd>{yesNo(kos.taxProfile.commitment08)}</dd>
          <dt>{t('kos.field.taxCode')}</dt>
          <dd className="mono">{kos.taxProfile.taxCode ?? none}</dd>
          <dt>{t('kos.field.bio')}</dt>
          <dd className="kos-bio">{kos.bio ?? none}</dd>
          <dt>{t('kos.field.avatarUrl')}</dt>
          <dd>
            {/* The console's CSP loads images over https only: any other address is shown as a link. */}
            {kos.avatarUrl?.startsWith('https://') ? (
              <img className="kos-avatar" src={kos.avatarUrl} alt={t('kos.avatarOf', { name: kos.name })} />
            ) : kos.avatarUrl ? (
              <a href={kos.avatarUrl} target="_blank" rel="noreferrer noopener">
                {kos.avatarUrl}
              </a>
            ) : (
              none
            )}
          </dd>
          <dt>{t('kos.section.contacts')}</dt>
          <dd>
            {contacts.length === 0
              ? none
              : contacts.map((k) => (
                  <div key={k}>
                    {t(`kos.field.${k}`)}: {kos.contacts[k]}
                  </div>
                ))}
          </dd>
        </>
      )}
    </dl>
  );
}

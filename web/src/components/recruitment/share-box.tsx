import { useTranslation } from 'react-i18next';
import type { Drive } from '../../data/recruitment-enums';

/** The drive's public form: its link to copy or open, and its QR code for posters (an SVG from the API). */
export function ShareBox({ drive }: { drive: Drive }) {
  const { t } = useTranslation();
  const qr = `/api/v1/recruitment/drives/${encodeURIComponent(drive.id)}/qr.svg`;
  return (
    <div className="card share-box" data-testid="share-box">
      <h2>{t('recruitment.share')}</h2>
      <label>
        {t('recruitment.applyUrl')}
        <input readOnly value={drive.applyUrl} onFocus={(e) => e.target.select()} data-testid="apply-url" />
      </label>
      <p>
        <a href={drive.applyUrl} target="_blank" rel="noreferrer">
          {t('recruitment.openForm')}
        </a>
        {' · '}
        <button type="button" className="btn small" onClick={() => void navigator.clipboard?.writeText(drive.applyUrl)}>
          {t('recruitment.copy')}
        </button>
        {' · '}
        <a href={qr} download={`${drive.slug}-qr.svg`}>
          {t('recruitment.downloadQr')}
        </a>
      </p>
      <img src={qr} alt={t('recruitment.qrAlt', { name: drive.name })} width={160} height={160} />
    </div>
  );
}

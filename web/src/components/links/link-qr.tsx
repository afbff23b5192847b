import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { qrUrl } from '../../data/links';
import type { TrackedLink } from '../../types';
import { CopyButton } from './copy-button';

/**
 * The QR code of a link's short URL, with a download. Both point at the same-origin
 * `GET /api/v1/links/{id}/qr.svg` (sent with the session cookie; the console's CSP allows img-src 'self').
 */
export function LinkQr({ link, label, onClose }: { link: TrackedLink; label: string; onClose: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="card link-qr" data-testid="link-qr" aria-labelledby="link-qr-title">
      <h2 id="link-qr-title" ref={heading} tabIndex={-1}>
        {t('links.qrTitle', { label })}
      </h2>
      <div className="link-qr-body">
        {failed ? (
          <p className="alert" role="alert">
            {t('links.qrFailed')}
          </p>
        ) : (
          <img
            src={qrUrl(link.id)}
            alt={t('links.qrAlt', { url: link.shortUrl })}
            width={200}
            height={200}
            onError={() => setFailed(true)}
          />
        )}
        <p className="link-qr-url">
          <span id="qr-short-url" className="mono">
            {link.shortUrl}
          </span>
          <CopyButton text={link.shortUrl} targetId="qr-short-url" />
        </p>
      </div>
      <div className="actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('common.close')}
        </button>
        <a className="btn primary" href={qrUrl(link.id)} download={`${link.slug}-qr.svg`} data-testid="qr-download">
          {t('links.qrDownload')}
        </a>
      </div>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { useBioPage } from '../../data/portal';
import type { Kos } from '../../types';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';

/**
 * The member's public bio page as the server renders it for visitors (`GET /@{handle}`), shown in a
 * sandboxed frame: no script, no form, no navigation of this page can come from it. It is read again
 * whenever the KOS record changes (a save of the bio form), so the preview follows each save
 * (docs/portal-console.md "My bio page").
 */
export function BioPreview({ kos }: { kos: Kos }) {
  const { t, i18n } = useTranslation();
  const page = useBioPage(kos.handle, i18n.language, kos.updatedAt);
  const path = `/@${encodeURIComponent(kos.handle)}`;
  return (
    <section className="card bio-preview" aria-labelledby="bio-preview-title" data-testid="bio-preview">
      <div className="bio-preview-head">
        <h2 id="bio-preview-title">{t('myBio.preview')}</h2>
        <a className="btn small" href={path} target="_blank" rel="noopener" data-testid="open-bio-page">
          {t('myBio.open')}
        </a>
      </div>
      <p className="muted small">{t('myBio.previewNote', { url: page.data?.url ?? path })}</p>
      {page.isPending && <Loading />}
      {page.isError && <ErrorBox error={page.error} onRetry={() => void page.refetch()} />}
      {page.data && page.data.html === null && (
        <p className="notice" data-testid="bio-page-hidden">
          {t('myBio.hidden')}
        </p>
      )}
      {page.data?.html && (
        // srcdoc, not src: the page forbids being framed (frame-ancestors 'none'), and an empty sandbox runs none of it.
        <iframe
          className="bio-preview-frame"
          title={t('myBio.previewTitle')}
          sandbox=""
          srcDoc={page.data.html}
          data-testid="bio-preview-frame"
        />
      )}
    </section>
  );
}

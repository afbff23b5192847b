import { type FormEvent, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { qrUrl } from '../../data/links';
import { useCatalogueSearch, useCreateOwnLink } from '../../data/me-links';
import { formatMoney } from '../../format';
import type { TrackedLink } from '../../types';
import { CopyButton } from '../links/copy-button';
import { ErrorBox } from '../ui/error-box';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { Loading } from '../ui/loading';

const FIELDS = ['productId', 'title'] as const;

/**
 * "New link" for a KOS member (docs/portal.md "Own links"): search the catalogue, pick a product that has a
 * page, give an optional title; the new short URL shows at once with a copy button and its QR code.
 */
export function NewLinkForm() {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const search = useCatalogueSearch(useDeferredValue(q.trim()));
  const [productId, setProductId] = useState('');
  const [title, setTitle] = useState('');
  const create = useCreateOwnLink();
  const errors = useFormErrors(create.error, FIELDS);
  const [made, setMade] = useState<TrackedLink | null>(null);
  const products = search.data?.items ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { productId, title: title.trim() || null },
      {
        onSuccess: (link) => {
          setMade(link);
          setTitle('');
        },
      },
    );
  };

  return (
    <section className="me-section" aria-labelledby="new-link-title">
      <form className="card form" onSubmit={submit} data-testid="new-link-form" noValidate>
        <h2 id="new-link-title">{t('myLinks.new')}</h2>
        <Field label={t('myLinks.search')} hint={t('myLinks.searchHint')}>
          <input name="q" type="search" autoComplete="off" value={q} onChange={(e) => setQ(e.target.value)} />
        </Field>
        <fieldset className="product-pick" aria-describedby="pick-error">
          <legend>{t('myLinks.product')}</legend>
          {search.isPending && <Loading />}
          {search.isError && <ErrorBox error={search.error} onRetry={() => void search.refetch()} />}
          {search.isSuccess && products.length === 0 && <p className="muted">{t('myLinks.noProducts')}</p>}
          <ul className="product-options" data-testid="product-options">
            {products.map((p) => (
              <li key={p.id}>
                <label className={p.url ? undefined : 'muted'}>
                  <input
                    type="radio"
                    name="productId"
                    value={p.id}
                    disabled={!p.url}
                    checked={productId === p.id}
                    onChange={() => setProductId(p.id)}
                  />
                  <span className="product-name">{p.name}</span> <span className="mono small">{p.sku}</span>{' '}
                  <span className="small">
                    {p.url ? formatMoney(p.priceMinor, p.currency, i18n.language) : t('myLinks.noPage')}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <p id="pick-error" className="field-error" data-field="productId">
            {errors.of('productId') ?? ''}
          </p>
        </fieldset>
        <Field label={t('myLinks.title')} hint={t('myLinks.titleHint')} error={errors.of('title')}>
          <input name="title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        {errors.form && (
          <p className="alert" role="alert">
            {errors.form}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="btn primary" disabled={!productId || create.isPending} data-testid="create-link">
            {t('myLinks.create')}
          </button>
        </div>
      </form>
      {made && <MadeLink link={made} />}
    </section>
  );
}

/** The link just made: its short URL to copy and its QR code to show or download. */
function MadeLink({ link }: { link: TrackedLink }) {
  const { t } = useTranslation();
  return (
    <div className="card made-link" data-testid="made-link" role="status">
      <p>{t('myLinks.made')}</p>
      <p className="link-qr-url">
        <span id={`made-${link.id}`} className="mono" data-testid="made-short-url">
          {link.shortUrl}
        </span>
        <CopyButton text={link.shortUrl} targetId={`made-${link.id}`} />
      </p>
      <img src={qrUrl(link.id)} alt={t('links.qrAlt', { url: link.shortUrl })} width={180} height={180} data-testid="made-qr" />
      <p>
        <a className="btn small" href={qrUrl(link.id)} download={`${link.slug}-qr.svg`}>
          {t('links.qrDownload')}
        </a>
      </p>
    </div>
  );
}

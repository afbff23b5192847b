import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LinkBody, useSaveLink } from '../../data/links';
import { useMe } from '../../session';
import type { Kos, Product, TrackedLink } from '../../types';
import { instantFromZoned, zonedInput } from '../../zoned-time';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { FormFooter } from '../ui/form-footer';

const FIELDS = ['kosId', 'productId', 'destinationUrl', 'slug', 'title', 'campaign', 'disabled', 'expiresAt'] as const;

interface Draft {
  kosId: string;
  productId: string;
  destinationUrl: string;
  slug: string;
  title: string;
  campaign: string;
  disabled: boolean;
  expiresAt: string;
}

const draftOf = (link: TrackedLink | null, kosId: string, timeZone: string): Draft => ({
  kosId: link?.kosId ?? kosId,
  productId: link?.productId ?? '',
  destinationUrl: link?.destinationUrl ?? '',
  slug: link?.slug ?? '',
  title: link?.title ?? '',
  campaign: link?.campaign ?? '',
  disabled: link?.disabled ?? false,
  expiresAt: zonedInput(link?.expiresAt ?? null, timeZone),
});

/** Optional text: blank clears it (`null`). */
const textOrNull = (v: string) => v.trim() || null;

export interface LinkFormProps {
  /** The link to edit, or null for a new one. */
  link: TrackedLink | null;
  kos: readonly Kos[];
  products: readonly Product[];
  /** The KOS a new link starts with (`?kosId=` of the page). */
  defaultKosId: string;
  onSaved: (link: TrackedLink) => void;
  onCancel: () => void;
}

/** "New link" (`POST /links`) or "Edit link" (`PATCH /links/{id}`), every field with its server error beside it. */
export function LinkForm({ link, kos, products, defaultKosId, onSaved, onCancel }: LinkFormProps) {
  const { t } = useTranslation();
  const timeZone = useMe().org.timezone;
  const [draft, setDraft] = useState<Draft>(() => draftOf(link, defaultKosId, timeZone));
  const save = useSaveLink(link?.id ?? null);
  const errors = useFormErrors(save.error, FIELDS);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: LinkBody = {
      destinationUrl: draft.destinationUrl.trim(),
      productId: draft.productId || null,
      title: textOrNull(draft.title),
      campaign: textOrNull(draft.campaign),
      expiresAt: instantFromZoned(draft.expiresAt, timeZone),
      ...(draft.slug.trim() ? { slug: draft.slug.trim() } : {}),
      ...(link ? { disabled: draft.disabled } : { kosId: draft.kosId }),
    };
    save.mutate(body, { onSuccess: onSaved });
  };
  const title = link ? t('links.edit') : t('links.new');

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="link-form-title" data-testid="link-form" noValidate>
      <h2 id="link-form-title" ref={heading} tabIndex={-1}>
        {link ? `${title}: ${link.slug}` : title}
      </h2>
      <div className="form-grid">
        {link ? null : (
          <Field label={t('links.field.kosId')} error={errors.of('kosId')}>
            <select name="kosId" required value={draft.kosId} onChange={set('kosId')}>
              <option value="">{t('links.chooseKos')}</option>
              {kos.map((k) => (
                <option key={k.id} value={k.id}>{`${k.name} (${k.code})`}</option>
              ))}
            </select>
          </Field>
        )}
        <Field label={t('links.field.productId')} error={errors.of('productId')}>
          <select name="productId" value={draft.productId} onChange={set('productId')}>
            <option value="">{t('links.noProduct')}</option>
            {products.map((p) => (
              <option key={p.id} value={p.id}>{`${p.name} (${p.sku})`}</option>
            ))}
          </select>
        </Field>
        <Field label={t('links.field.destinationUrl')} hint={t('links.destinationHint')} error={errors.of('destinationUrl')}>
          <input
            name="destinationUrl"
            type="url"
            inputMode="url"
            required
            value={draft.destinationUrl}
            onChange={set('destinationUrl')}
          />
        </Field>
        <Field label={t('links.field.slug')} hint={link ? undefined : t('links.slugHint')} error={errors.of('slug')}>
          <input name="slug" autoCapitalize="none" spellCheck={false} value={draft.slug} onChange={set('slug')} />
        </Field>
        <Field label={t('links.field.title')} error={errors.of('title')}>
          <input name="title" value={draft.title} onChange={set('title')} />
        </Field>
        <Field label={t('links.field.campaign')} error={errors.of('campaign')}>
          <input name="campaign" value={draft.campaign} onChange={set('campaign')} />
        </Field>
        <Field
          label={t('links.field.expiresAt')}
          hint={t('links.expiresHint', { zone: timeZone })}
          error={errors.of('expiresAt')}
        >
          <input name="expiresAt" type="datetime-local" value={draft.expiresAt} onChange={set('expiresAt')} />
        </Field>
        {link ? (
          <Field label={t('links.field.disabled')} hint={t('links.disabledHint')} error={errors.of('disabled')}>
            <input
              name="disabled"
              type="checkbox"
              checked={draft.disabled}
              onChange={(e) => setDraft({ ...draft, disabled: e.target.checked })}
            />
          </Field>
        ) : null}
      </div>
      <FormFooter
        error={errors.form}
        pending={save.isPending}
        submit={link ? t('links.save') : t('links.create')}
        onCancel={onCancel}
        testId="save-link"
      />
    </form>
  );
}

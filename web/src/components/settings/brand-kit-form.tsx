import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePatchOrg } from '../../data/settings';
import { type Org, PLATFORMS } from '../../types';
import { TagInput } from '../kos/tag-input';
import { useFormErrors } from '../ui/form-errors';
import '../../styles/matrix.css';

const FIELDS = ['brandKit', 'targetCategories'] as const;

/**
 * The brand kit (`PATCH /org {brandKit, targetCategories}`): the brand words every account's name and bio
 * should carry, the platforms every KOS should be on, the programme's target categories (docs/matrix.md).
 * Read-only for those who may not change the org.
 */
export function BrandKitForm({ org, editable }: { org: Org; editable: boolean }) {
  const { t } = useTranslation();
  const patch = usePatchOrg();
  const errors = useFormErrors(patch.error, FIELDS);
  const [words, setWords] = useState(org.brandKit.brandWords);
  const [platforms, setPlatforms] = useState<string[]>(org.brandKit.targetPlatforms);
  const [categories, setCategories] = useState(org.targetCategories);
  const [saved, setSaved] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    patch.mutate(
      {
        brandKit: { brandWords: words, targetPlatforms: platforms as Org['brandKit']['targetPlatforms'] },
        targetCategories: categories,
      },
      { onSuccess: () => setSaved(true) },
    );
  };

  if (!editable)
    return (
      <div data-testid="brand-kit">
        <h2>{t('matrix.brandKit')}</h2>
        <p className="muted small">{t('settings.readOnly')}</p>
        <dl className="facts">
          <dt>{t('matrix.field.brandWords')}</dt>
          <dd>{org.brandKit.brandWords.join(', ') || t('common.none')}</dd>
          <dt>{t('matrix.field.targetPlatforms')}</dt>
          <dd>{org.brandKit.targetPlatforms.map((p) => t(`platform.${p}`)).join(', ') || t('common.none')}</dd>
          <dt>{t('matrix.field.targetCategories')}</dt>
          <dd>{org.targetCategories.join(', ') || t('common.none')}</dd>
        </dl>
      </div>
    );

  return (
    <form onSubmit={submit} aria-label={t('matrix.brandKit')} data-testid="brand-kit" noValidate>
      <h2>{t('matrix.brandKit')}</h2>
      <p className="muted small">{t('matrix.brandKitHint')}</p>
      <TagInput
        name="brandWords"
        label={t('matrix.field.brandWords')}
        values={words}
        onChange={setWords}
        error={errors.of('brandKit')}
      />
      <fieldset className="check-group">
        <legend>{t('matrix.field.targetPlatforms')}</legend>
        {PLATFORMS.map((p) => (
          <label key={p} className="check-option">
            <input
              type="checkbox"
              name="targetPlatforms"
              value={p}
              checked={platforms.includes(p)}
              onChange={(e) => setPlatforms(e.target.checked ? [...platforms, p] : platforms.filter((x) => x !== p))}
            />{' '}
            {t(`platform.${p}`)}
          </label>
        ))}
      </fieldset>
      <TagInput
        name="targetCategories"
        label={t('matrix.field.targetCategories')}
        values={categories}
        onChange={setCategories}
        error={errors.of('targetCategories')}
      />
      {errors.form && (
        <p className="alert" role="alert">
          {errors.form}
        </p>
      )}
      {saved && (
        <p className="muted" role="status">
          {t('matrix.brandKitSaved')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn primary" disabled={patch.isPending}>
          {patch.isPending ? t('common.working') : t('matrix.saveBrandKit')}
        </button>
      </div>
    </form>
  );
}

import { useTranslation } from 'react-i18next';
import { ATTRIBUTED_CHOICES, type LineFilter } from '../../data/lines';
import type { Kos, Unit } from '../../types';
import { SourceOptions } from '../source-options';
import { EnumOptions } from '../ui/enum-options';
import { Field } from '../ui/field';

/** The id of a link that the lists do not hold (yet, or outside the caller's scope): kept selectable as it is. */
const unlisted = (id: string, known: readonly { id: string }[]) =>
  id && !known.some((k) => k.id === id) ? <option value={id}>{id}</option> : null;

/**
 * The filters of the lines page, each a labelled control bound to its URL key (so a dashboard figure's
 * link, a bookmark and back/forward all show the same lines). Every change rewrites the URL.
 */
export function LineFilters({
  value,
  kos,
  units,
  onChange,
}: {
  value: LineFilter;
  kos: readonly Kos[];
  units: readonly Unit[];
  onChange: (update: Partial<LineFilter>) => void;
}) {
  const { t } = useTranslation();
  const all = t('common.all');
  const select = (key: keyof LineFilter) => ({
    name: key,
    value: value[key],
    onChange: (e: { target: { value: string } }) => onChange({ [key]: e.target.value }),
  });

  return (
    <search className="line-filters" data-testid="line-filters" aria-label={t('lines.filters')}>
      <Field label={t('lines.field.attributed')}>
        <select {...select('attributed')}>
          {ATTRIBUTED_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`lines.attributed.${choice}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('lines.field.from')}>
        <input type="date" {...select('from')} />
      </Field>
      <Field label={t('lines.field.to')} hint={t('lines.toHint')}>
        <input type="date" {...select('to')} />
      </Field>
      <Field label={t('lines.field.kosId')}>
        <select {...select('kosId')}>
          <option value="">{all}</option>
          {kos.map((k) => (
            <option key={k.id} value={k.id}>
              {`${k.name} (${k.code})`}
            </option>
          ))}
          {unlisted(value.kosId, kos)}
        </select>
      </Field>
      <Field label={t('lines.field.unitId')}>
        <select {...select('unitId')}>
          <option value="">{all}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
          {unlisted(value.unitId, units)}
        </select>
      </Field>
      <Field label={t('lines.field.platform')}>
        <select {...select('platform')}>
          <option value="">{all}</option>
          <EnumOptions of="platform" />
        </select>
      </Field>
      <Field label={t('lines.field.source')}>
        <select {...select('source')}>
          <option value="">{all}</option>
          <SourceOptions known={value.source || undefined} />
        </select>
      </Field>
      <Field label={t('lines.field.sku')}>
        <input type="search" {...select('sku')} />
      </Field>
      <Field label={t('lines.field.status')}>
        <select {...select('status')}>
          <option value="">{all}</option>
          <EnumOptions of="lines.status" />
        </select>
      </Field>
    </search>
  );
}

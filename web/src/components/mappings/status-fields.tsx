import { useTranslation } from 'react-i18next';
import { LINE_STATUSES } from '../../types';
import { EnumOptions } from '../ui/enum-options';
import { Field } from '../ui/field';
import { foldText, statusOf, withStatus } from './mapping-draft';
import type { DraftProps } from './sample-fields';

const CANONICAL = new Set<string>(LINE_STATUSES);

/**
 * Step (e): each status text of the sample (and each one the mapping already knows), mapped to a canonical
 * status. A canonical word in the file (`completed`) is always understood; any unmapped text is a row error.
 */
export function StatusFields({ draft, change, errorOf, texts }: DraftProps & { texts: readonly string[] | null }) {
  const { t } = useTranslation();
  // Without a sample (`texts` null) the saved texts are listed as they are.
  const seen = new Set((texts ?? []).map(foldText));
  const known = Object.keys(draft.statuses).filter((k) => !seen.has(foldText(k)));
  const all = [...(texts ?? []), ...known].filter((text) => !CANONICAL.has(foldText(text)));
  if (all.length === 0) return <p className="muted">{t('mappings.builder.noStatuses')}</p>;
  return (
    <div className="form-grid mapping-statuses" data-testid="mapping-statuses">
      {all.map((text) => {
        const value = statusOf(draft.statuses, text) ?? '';
        return (
          <Field
            key={text}
            label={text}
            hint={
              [
                seen.has(foldText(text)) ? '' : t('mappings.builder.notInSample'),
                value ? '' : t('mappings.builder.unmappedStatus'),
              ]
                .filter(Boolean)
                .join(' ') || undefined
            }
            error={errorOf(`statuses.${text}`)}
          >
            <select
              name={`statuses.${text}`}
              value={value}
              data-status-text={text}
              onChange={(e) => change({ statuses: withStatus(draft.statuses, text, e.target.value) })}
            >
              <option value="">{t('mappings.builder.chooseStatus')}</option>
              <EnumOptions of="lines.status" />
            </select>
          </Field>
        );
      })}
    </div>
  );
}

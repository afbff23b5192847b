import { useTranslation } from 'react-i18next';
import { ENUMS, type EnumName, type EnumValue, enumKey } from '../../enums';

/** The `<option>`s of an enum, translated: `<select><EnumOptions of="kos.status" /></select>`. */
export function EnumOptions<E extends EnumName>({ of, only }: { of: E; only?: readonly EnumValue<E>[] }) {
  const { t } = useTranslation();
  const values = (only ?? ENUMS[of]) as readonly EnumValue<E>[];
  return values.map((v) => (
    <option key={v} value={v}>
      {t(enumKey(of, v))}
    </option>
  ));
}

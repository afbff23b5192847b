import { useCan } from '../access/use-can';
import { useMappings } from '../data/import-mappings';
import { ENUMS } from '../enums';
import { EnumOptions } from './ui/enum-options';

/**
 * The `<option>`s of a source filter: the built-in sources, then the org's saved column mappings by name
 * (docs/import-mappings.md: a mapping's name is the `source` of its imports and lines). Staff read mappings.
 */
export function SourceOptions({ known }: { known?: string }) {
  const can = useCan();
  const mappings = useMappings(can('lines.view'));
  const names = (mappings.data ?? []).map((m) => m.name);
  // A source in the URL that is neither built in nor (yet) listed is shown as it was named.
  const extra = known && !(ENUMS['imports.source'] as readonly string[]).includes(known) && !names.includes(known);
  return (
    <>
      <EnumOptions of="imports.source" />
      {names.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
      {extra && <option value={known}>{known}</option>}
    </>
  );
}

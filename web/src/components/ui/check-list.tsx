/** One box per value of a list (relationships, tiers, statuses), in a fieldset with its legend. */
export function CheckList<V extends string>({
  legend,
  name,
  values,
  labelOf,
  selected,
  onChange,
  error,
}: {
  legend: string;
  name: string;
  values: readonly V[];
  labelOf: (v: V) => string;
  selected: readonly V[];
  onChange: (next: V[]) => void;
  error?: string;
}) {
  return (
    <fieldset className="checks" aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v} className="check-option">
          <input
            type="checkbox"
            name={name}
            value={v}
            checked={selected.includes(v)}
            onChange={(e) => onChange(e.target.checked ? [...selected, v] : selected.filter((x) => x !== v))}
          />
          {labelOf(v)}
        </label>
      ))}
      {error && (
        <small className="field-error" data-field={name}>
          {error}
        </small>
      )}
    </fieldset>
  );
}

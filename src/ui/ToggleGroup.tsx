/**
 * A row of toggle buttons of which one is pressed (language, municipality on the sign-in page,
 * the inbox's filter): plain buttons that look like MUI's small ToggleButtonGroup. MUI's version
 * registers every button on mount and renders the whole group a second time, in the same task,
 * which the first page cannot afford; each button here is its own tab stop. It is styled by the
 * class `toggle-group` in index.html (light and dark, 44 px high on tablets): the sign-in page,
 * where it first appears, loads neither MUI nor emotion.
 */
export interface ToggleOption<T extends string> {
  value: T;
  label: string;
  /** The language of the label when it is not the page's (a language's own name). */
  lang?: string;
}

export function ToggleGroup<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: readonly ToggleOption<T>[]; onChange: (value: T) => void }) {
  return (
    <div className="toggle-group" role="group" aria-label={label}>
      {options.map((option) => (
        <button key={option.value} type="button" lang={option.lang} aria-pressed={option.value === value} onClick={() => option.value !== value && onChange(option.value)}>
          {option.label}
        </button>
      ))}
    </div>
  );
}

import { PERSONNEL_GROUPS, type Persona, type PersonnelGroup } from '../../session/personnel';

/**
 * The list of people one may sign in as, with a filter field and (with more than one
 * municipality) a municipality switch: plain DOM, no React. It is drawn by the first page before
 * React has loaded (./firstPage.ts), and by React's sign-in page (./SignInPage.tsx) after a sign
 * out, so both look and behave the same. The classes are styled in index.html.
 */

/** The words the picker shows, in one language (src/i18n: `signIn.*` and `group.*`). */
export interface PickerStrings {
  filter: string;
  municipality: string;
  allMunicipalities: string;
  personas: string;
  noMatch: string;
  group: Record<PersonnelGroup, string>;
}

/** The picker's words from a translation lookup (i18next's `t`, or vite.config.ts's lookup in src/i18n). */
export function pickerStrings(t: (key: string) => string): PickerStrings {
  return {
    filter: t('signIn.filter'),
    municipality: t('signIn.municipality'),
    allMunicipalities: t('signIn.allMunicipalities'),
    personas: t('signIn.personas'),
    noMatch: t('signIn.noMatch'),
    group: Object.fromEntries(PERSONNEL_GROUPS.map((group) => [group, t(`group.${group}`)])) as Record<PersonnelGroup, string>,
  };
}

export interface PersonaPicker {
  readonly element: HTMLElement;
  /** Between the toolbar and the list: where a failed sign-in is reported. */
  readonly errorSlot: HTMLElement;
  /** The words in another language; what was typed in the filter and the chosen municipality stay. */
  setStrings(strings: PickerStrings): void;
  /** While a sign-in is under way the buttons do nothing. */
  setDisabled(disabled: boolean): void;
}

/** Every word of the filter text is in the persona's name, group, unit or municipality. */
export function personaMatches(persona: Persona, text: string, groupLabel: string): boolean {
  const words = text.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = `${persona.name} ${groupLabel} ${persona.unitName} ${persona.municipalityName}`.toLocaleLowerCase('nb');
  return words.every((word) => hay.includes(word));
}

let nextId = 0;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text) e.textContent = text;
  return e;
}

/** A row of toggle buttons of which one is pressed (index.html's `toggle-group`, as src/ui/ToggleGroup.tsx draws it). */
export function toggleGroup<T extends string>(
  label: string,
  options: readonly { value: T; label: string; lang?: string }[],
  value: T,
  onChange: (value: T) => void,
): { element: HTMLElement; setLabels(label: string, optionLabels: readonly string[]): void } {
  const group = element('div', 'toggle-group');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', label);
  let current = value;
  const buttons = options.map((option) => {
    const button = element('button', undefined, option.label);
    button.type = 'button';
    if (option.lang) button.lang = option.lang;
    button.setAttribute('aria-pressed', String(option.value === current));
    button.addEventListener('click', () => {
      if (option.value === current) return;
      current = option.value;
      for (const [i, b] of buttons.entries()) b.setAttribute('aria-pressed', String(options[i]!.value === current));
      onChange(option.value);
    });
    group.append(button);
    return button;
  });
  return {
    element: group,
    setLabels(newLabel, optionLabels) {
      group.setAttribute('aria-label', newLabel);
      for (const [i, b] of buttons.entries()) if (optionLabels[i] !== undefined) b.textContent = optionLabels[i];
    },
  };
}

export function createPersonaPicker(personas: readonly Persona[], initialStrings: PickerStrings, onPick: (persona: Persona) => void): PersonaPicker {
  let strings = initialStrings;
  let text = '';
  let municipality = 'all';

  const root = element('div', 'signin-stack');
  const toolbar = element('div', 'signin-toolbar');
  const field = element('div', 'signin-field');
  const label = element('label');
  const input = element('input');
  input.type = 'search';
  input.id = label.htmlFor = `persona-filter-${++nextId}`;
  field.append(label, input);
  toolbar.append(field);

  const municipalities = new Map<string, string>();
  for (const p of personas) if (p.municipalityCode) municipalities.set(p.municipalityCode, p.municipalityName);
  const municipalitySwitch =
    municipalities.size > 1
      ? toggleGroup(
          strings.municipality,
          [{ value: 'all', label: strings.allMunicipalities }, ...[...municipalities].map(([code, name]) => ({ value: code, label: name }))],
          'all',
          (value) => {
            municipality = value;
            filter();
          },
        )
      : undefined;
  if (municipalitySwitch) toolbar.append(municipalitySwitch.element);

  const errorSlot = element('div');
  const list = element('ul', 'signin-personas');
  const noMatch = element('p');
  const rows = personas.map((persona) => {
    const item = element('li');
    const button = element('button');
    button.type = 'button';
    const name = element('span', 'name', persona.name);
    const detail = element('span', 'detail');
    button.append(name, detail);
    button.addEventListener('click', () => onPick(persona));
    item.append(button);
    list.append(item);
    return { persona, item, button, detail };
  });
  root.append(toolbar, errorSlot, list, noMatch);

  function filter() {
    let shown = 0;
    for (const row of rows) {
      const visible = (municipality === 'all' || row.persona.municipalityCode === municipality) && personaMatches(row.persona, text, strings.group[row.persona.personnelGroup]);
      row.item.hidden = !visible;
      if (visible) shown++;
    }
    noMatch.hidden = shown > 0;
  }

  function setStrings(next: PickerStrings) {
    strings = next;
    label.textContent = strings.filter;
    list.setAttribute('aria-label', strings.personas);
    noMatch.textContent = strings.noMatch;
    municipalitySwitch?.setLabels(strings.municipality, [strings.allMunicipalities]);
    for (const row of rows) row.detail.textContent = `${strings.group[row.persona.personnelGroup]} · ${row.persona.unitName} · ${row.persona.municipalityName}`;
    filter();
  }

  input.addEventListener('input', () => {
    text = input.value;
    filter();
  });
  setStrings(strings);

  return {
    element: root,
    errorSlot,
    setStrings,
    setDisabled(disabled) {
      for (const row of rows) row.button.disabled = disabled;
    },
  };
}

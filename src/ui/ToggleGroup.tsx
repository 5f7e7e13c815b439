import { alpha, styled } from '@mui/material/styles';

/**
 * A row of toggle buttons of which one is pressed (language, municipality on the sign-in page):
 * plain buttons that look like MUI's small ToggleButtonGroup. MUI's version registers every
 * button on mount and renders the whole group a second time, in the same task, which the first
 * page cannot afford; each button here is its own tab stop.
 */
const Group = styled('div')(({ theme }) => {
  const radius = theme.shape.borderRadius;
  return {
    display: 'inline-flex',
    '& > button': {
      ...theme.typography.button,
      fontSize: theme.typography.pxToRem(13),
      textTransform: 'none',
      minHeight: theme.minTarget,
      margin: 0,
      padding: 7,
      border: `1px solid ${theme.palette.divider}`,
      borderRadius: 0,
      color: theme.palette.action.active,
      background: 'transparent',
      cursor: 'pointer',
      '&:hover': { background: alpha(theme.palette.text.primary, theme.palette.action.hoverOpacity) },
      '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: -2 },
      '&[aria-pressed="true"]': {
        color: theme.palette.text.primary,
        background: alpha(theme.palette.text.primary, theme.palette.action.selectedOpacity),
      },
      '& + button': { marginLeft: -1, borderLeftColor: 'transparent' },
      '& + button[aria-pressed="true"]': { borderLeftColor: theme.palette.divider },
      '&:first-of-type': { borderTopLeftRadius: radius, borderBottomLeftRadius: radius },
      '&:last-of-type': { borderTopRightRadius: radius, borderBottomRightRadius: radius },
    },
  };
});

export interface ToggleOption<T extends string> {
  value: T;
  label: string;
  /** The language of the label when it is not the page's (a language's own name). */
  lang?: string;
}

export function ToggleGroup<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: ToggleOption<T>[]; onChange: (value: T) => void }) {
  return (
    <Group role="group" aria-label={label}>
      {options.map((option) => (
        <button key={option.value} type="button" lang={option.lang} aria-pressed={option.value === value} onClick={() => option.value !== value && onChange(option.value)}>
          {option.label}
        </button>
      ))}
    </Group>
  );
}

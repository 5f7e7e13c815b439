import { useRef, type KeyboardEvent } from 'react';
import { styled } from '@mui/material/styles';

/**
 * A row of tabs (WAI-ARIA tabs pattern) that looks like MUI's Tabs: the selected tab in the
 * primary colour, underlined. MUI's Tabs measures its tabs (getBoundingClientRect) in every
 * commit to place its sliding indicator, which forces a layout of the whole page while a chart
 * opens; the underline here is a border, so nothing is measured.
 *
 * Keyboard: Tab reaches the selected tab; the arrow keys, Home and End move between tabs and
 * Enter or Space selects (manual activation, as MUI's Tabs).
 */
const List = styled('div')(({ theme }) => ({
  display: 'flex',
  overflowX: 'auto',
  scrollbarWidth: 'thin',
  '& > button': {
    ...theme.typography.button,
    textTransform: 'none',
    flex: 'none',
    minHeight: theme.minTarget,
    minWidth: 90,
    padding: theme.spacing(1.5, 2),
    margin: 0,
    border: 0,
    borderBottom: '2px solid transparent',
    background: 'transparent',
    color: theme.palette.text.secondary,
    cursor: 'pointer',
    '&:hover': { color: theme.palette.text.primary },
    '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: -2 },
    '&[aria-selected="true"]': { color: theme.palette.primary.main, borderBottomColor: theme.palette.primary.main },
  },
}));

export interface TabItem<T extends string> {
  value: T;
  label: string;
  /** The tab's element id (the panel's aria-labelledby). */
  id: string;
  /** The id of the panel the tab shows. */
  controls: string;
}

export function TabBar<T extends string>({ label, value, tabs, onChange }: { label: string; value: T; tabs: TabItem<T>[]; onChange: (value: T) => void }) {
  const listRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    buttons[(next + buttons.length) % buttons.length]?.focus();
  };
  return (
    <List ref={listRef} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.value}
          type="button"
          role="tab"
          id={tab.id}
          aria-controls={tab.controls}
          aria-selected={tab.value === value}
          tabIndex={tab.value === value ? 0 : -1}
          onClick={() => tab.value !== value && onChange(tab.value)}
        >
          {tab.label}
        </button>
      ))}
    </List>
  );
}

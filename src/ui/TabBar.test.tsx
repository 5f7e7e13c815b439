import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ThemeProvider } from '@mui/material/styles';
import { makeTheme } from '../app/theme';
import { TabBar } from './TabBar';

type Key = 'active' | 'resolved' | 'all';

function Harness({ onChange }: { onChange: (value: Key) => void }) {
  const [value, setValue] = useState<Key>('active');
  return (
    <ThemeProvider theme={makeTheme('light', 'tablet')}>
      <TabBar
        label="Visning"
        value={value}
        onChange={(v) => {
          onChange(v);
          setValue(v);
        }}
        tabs={(['active', 'resolved', 'all'] as const).map((k) => ({ value: k, label: k, id: `tab-${k}`, controls: 'panel' }))}
      />
      <div role="tabpanel" id="panel" aria-labelledby={`tab-${value}`}>
        {value}
      </div>
    </ThemeProvider>
  );
}

describe('TabBar', () => {
  it('is one tab stop; the arrow keys, Home and End move between tabs, Enter and a click select', async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const user = userEvent.setup();
    expect(screen.getByRole('tablist', { name: 'Visning' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'active' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'resolved' })).toHaveAttribute('tabindex', '-1');

    await user.tab();
    expect(screen.getByRole('tab', { name: 'active' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'resolved' })).toHaveFocus();
    expect(onChange).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith('resolved');
    expect(screen.getByRole('tabpanel', { name: 'resolved' })).toHaveTextContent('resolved');
    expect(screen.getByRole('tab', { name: 'resolved' })).toHaveAttribute('tabindex', '0');

    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'all' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'active' })).toHaveFocus();
    await user.keyboard('{Home}{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'all' })).toHaveFocus();

    await user.click(screen.getByRole('tab', { name: 'all' }));
    expect(onChange).toHaveBeenLastCalledWith('all');
    // The selected tab again: nothing changes.
    await user.click(screen.getByRole('tab', { name: 'all' }));
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});

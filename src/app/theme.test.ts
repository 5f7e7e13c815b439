// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { alpha } from '@mui/material/styles';
import { makeTheme } from './theme';

/**
 * The sign-in page and the toggle buttons are styled by index.html, without MUI (the first page
 * loads neither MUI nor emotion); their colours and sizes must be the theme's.
 */
const html = readFileSync('index.html', 'utf8');

function variables(selector: string): Record<string, string> {
  const block = new RegExp(`${selector.replace(/[[\]"]/g, (c) => `\\${c}`)} \\{([^}]*)\\}`).exec(html)?.[1];
  if (!block) throw new Error(`index.html has no ${selector} block`);
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]!.trim()]));
}

/** "#005a7a", "rgba(0, 0, 0, 0.12)" and "rgba(0,0,0,0.12)" compare equal. */
const norm = (color: string) => color.replace(/\s+/g, '').toLowerCase();

describe("index.html's styles follow the theme", () => {
  for (const mode of ['light', 'dark'] as const) {
    it(`in ${mode} mode`, () => {
      const theme = makeTheme(mode, 'desktop');
      const css = { ...variables(':root'), ...(mode === 'dark' ? variables('html[data-theme="dark"]') : {}) };
      const { palette } = theme;
      const expected: Record<string, string> = {
        'akson-text': palette.text.primary,
        'akson-text-secondary': palette.text.secondary,
        'akson-primary': palette.primary.main,
        'akson-background': palette.background.default,
        'akson-paper': palette.background.paper,
        'akson-divider': palette.divider,
        'akson-hover': palette.action.hover,
        'akson-active': palette.action.active,
        'akson-input-border': palette.grey[500],
        'akson-toggle-hover': alpha(palette.text.primary, palette.action.hoverOpacity),
        'akson-toggle-selected': alpha(palette.text.primary, palette.action.selectedOpacity),
        'akson-error': palette.error.main,
      };
      for (const [name, value] of Object.entries(expected)) expect(norm(css[name] ?? 'missing'), name).toBe(norm(value));
    });
  }

  it('with the least heights of a control on desktops and tablets', () => {
    expect(variables(':root')['akson-target']).toBe(`${makeTheme('light', 'desktop').minTarget}px`);
    expect(variables('html[data-device="tablet"]')['akson-target']).toBe(`${makeTheme('light', 'tablet').minTarget}px`);
  });
});

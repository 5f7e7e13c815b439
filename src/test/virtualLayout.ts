import { afterAll, beforeAll } from 'vitest';

/**
 * The test DOM (happy-dom) lays nothing out, so a virtualised list (@tanstack/react-virtual) would render no rows.
 * Gives the element with `data-testid={scroller}` a viewport height and each element with the
 * row role a height, for the test file (call it at the top level; restored after the file).
 */
export function fakeVirtualLayout({ scroller, viewport, row, rowRole = 'listitem' }: { scroller: string; viewport: number; row: number; rowRole?: string }): void {
  const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.dataset.testid === scroller ? viewport : 0;
      },
    });
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.getAttribute('role') === rowRole ? row : 0;
      },
    });
  });
  afterAll(() => {
    if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
    if (offsetHeight) Object.defineProperty(HTMLElement.prototype, 'offsetHeight', offsetHeight);
  });
}

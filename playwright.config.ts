import { defineConfig, devices } from '@playwright/test';

/**
 * Playwright journeys drive the production build (served by `vite preview`) with the embedded
 * mock backend. Chromium: CHROME_PATH (Debian's chromium-headless-shell here and in CI, see .ci/run); on other
 * machines Playwright's own browser.
 */
const executablePath = process.env.CHROME_PATH || undefined;
const PORT = Number(process.env.E2E_PORT ?? 4173);
/** The shared Node mock server (several browsers, one journal): the emergency journey's second user. */
const MOCK_PORT = Number(process.env.E2E_MOCK_PORT ?? 8791);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  // Two on CI's two cores (four made each journey twice as slow, and one timed out).
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: true,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    trace: 'off',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    // Journeys tagged @tablet-only (touch work at a tablet: home care, the shared tablet's idle lock) run once, in the tablet project.
    { name: 'desktop', grepInvert: /@tablet-only/, use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } },
    // The layout journeys set screen sizes themselves: they run once, in the desktop project.
    // Journeys tagged @desktop-only (work done at a desktop, or the same at any size: the GP's
    // consultation, results and list, the emergency clinic's board and notes, persistence, note
    // versions, edit conflicts, emergency access, blocking, sign-out) run once, in the desktop project.
    { name: 'tablet', testIgnore: /layout\.spec\.ts/, grepInvert: /@desktop-only/, use: { ...devices['Desktop Chrome'], viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: false } },
  ],
  webServer: [
    {
      command: `npm run build && npx vite preview --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}/config.json`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The small scenario (300 patients): builds in seconds; e2e/emergency.spec.ts points its browsers here.
      command: `npx tsx mocks/node-server.ts`,
      env: { PORT: String(MOCK_PORT), MOCK_SCENARIO: 'small' },
      url: `http://localhost:${MOCK_PORT}/personas`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});

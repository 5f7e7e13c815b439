#!/usr/bin/env node
// `npm test`: type-check, lint, unit tests (Vitest) and the Playwright journeys, in that order.
// Every step runs even if an earlier one fails; the last line totals every test that ran:
// "N passed, N failed" (type-check and lint count as one test each).
import { spawn, spawnSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const out = 'test-results';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

if (!process.env.CHROME_PATH) {
  try {
    // Debian's headless shell first (what Playwright itself runs headless: no browser window's own
    // renderers beside the page, about a third less CPU a journey), else a full Chromium.
    const found = execSync('command -v chromium-headless-shell || command -v chromium || command -v chromium-browser', { shell: '/bin/bash' }).toString().trim();
    if (found) process.env.CHROME_PATH = found;
  } catch {
    // No system Chromium: Playwright uses its own browser, if installed.
  }
}

const totals = { passed: 0, failed: 0 };
const lines = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Runs a check in the background, its output kept until it ends (so two can run side by side). */
function background(label, command, args) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ label, command, args, ok: code === 0, output, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
  });
}

// Type-check and lint side by side (each uses about one core), reported in order.
for (const r of await Promise.all([
  background('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']),
  background('lint', 'npx', ['eslint', '.', '--max-warnings', '0']),
])) {
  console.log(`\n▶ ${r.label}: ${r.command} ${r.args.join(' ')}`);
  if (r.output) process.stdout.write(r.output);
  totals[r.ok ? 'passed' : 'failed'] += 1;
  lines.push(`${r.label}: ${r.ok ? 'passed' : 'failed'} (${r.seconds} s)`);
}

{
  const file = `${out}/vitest.json`;
  const { ok, seconds } = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${file}`]);
  const report = readJson(file);
  const passed = report?.numPassedTests ?? 0;
  const failed = (report?.numFailedTests ?? 0) + (report ? 0 : 1) + (ok || report?.numFailedTests ? 0 : 1);
  totals.passed += passed;
  totals.failed += failed;
  lines.push(`unit tests: ${passed} passed, ${failed} failed (${seconds} s)`);
}

{
  const file = `${out}/playwright.json`;
  const { ok, seconds } = run('e2e journeys', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  const report = existsSync(file) ? readJson(file) : null;
  const stats = report?.stats;
  const passed = (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  const failed = (stats?.unexpected ?? 0) + (report ? 0 : 1) + (ok || stats?.unexpected ? 0 : 1);
  totals.passed += passed;
  totals.failed += failed;
  lines.push(`e2e journeys: ${passed} passed, ${failed} failed${stats?.skipped ? `, ${stats.skipped} skipped` : ''} (${seconds} s)`);
}

console.log('\nSummary');
for (const line of lines) console.log(`  ${line}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);

// @vitest-environment node
import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { createMockBackend } from './fhir-server/backend';

test('timings', async () => {
  const backend = createMockBackend({ now: () => new Date('2026-11-26T10:00:00+01:00') });
  await backend.ready();
  const personas = await backend.personas();
  const gp = personas.find((p) => p.personnelGroup === 'gp')!;
  const tok = await backend.handle(new Request('http://t/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona: gp.id }) }));
  const { access_token } = (await tok!.json()) as { access_token: string };
  const urls = readFileSync('/tmp/prof/urls.list', 'utf8').trim().split('\n');
  for (let round = 0; round < 3; round++) {
    let total = 0;
    for (const u of urls) {
      const t0 = performance.now();
      const r = await backend.handle(new Request('http://t' + u, { headers: { Authorization: `Bearer ${access_token}` } }));
      const text = await r!.text();
      const ms = performance.now() - t0;
      total += ms;
      if (round === 2) console.log(`${ms.toFixed(1).padStart(7)} ms ${String(text.length).padStart(8)} B ${u.slice(6, 90)}`);
    }
    if (round === 2) console.log('total', total.toFixed(1));
  }
}, 300_000);

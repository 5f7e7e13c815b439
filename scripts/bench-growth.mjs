// The health station's growth chart (issue 6): all four WHO charts with their percentile curves
// and 20 measurements of the child, rendered ≤ 300 ms. Run by scripts/bench.mjs
// (BENCH_ONLY=growth, or with the whole bench).
//
// The Bergen public health nurse signs in; the scenario's 12-month-old gets 14 more measuring
// occasions (weight, length, head circumference) on top of her 6, so each by-age chart has 20
// points. Her page opens on the programme; the time is from the tap on "Vekst" to the four charts
// drawn with all curves and points and the measurement table filled. The first time includes
// downloading and parsing the WHO tables (reported on its own); the counted runs switch back to
// the programme tab and to growth again.

const LOINC = 'http://loinc.org';

function occasion(token, days, birthDate) {
  const [y, m, d] = birthDate.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
  const when = `${date}T12:00:00+01:00`;
  const obs = (code, value, unit) => ({
    resource: {
      resourceType: 'Observation',
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
      code: { coding: [{ system: LOINC, code }] },
      subject: { reference: 'Patient/scn-hs-child' },
      effectiveDateTime: when,
      valueQuantity: { value: Math.round(value * 100) / 100, unit, system: 'http://unitsofmeasure.org', code: unit },
    },
    request: { method: 'POST', url: 'Observation' },
  });
  void token;
  return [
    obs('29563-7', 3.3 + 6.2 * (1 - Math.exp(-days / 150)), 'kg'),
    obs('8306-3', 50 + 26 * (1 - Math.exp(-days / 250)), 'cm'),
    obs('9843-4', 34.3 + 11.5 * (1 - Math.exp(-days / 180)), 'cm'),
  ];
}

export async function benchGrowthChart({ base, chromeFlags, results, median, runs }) {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || undefined, args: chromeFlags.slice(1) });
  try {
    // Oslo time, as the clinicians' devices: the scenario's "today" is the Oslo date.
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, timezoneId: 'Europe/Oslo', locale: 'nb-NO' });
    await page.goto(`${base}/sign-in`);
    await page.getByRole('list', { name: 'Brukere du kan logge inn som' }).waitFor();
    const personas = await page.evaluate(async () => (await fetch('/personas')).json());
    const nurse = personas.find((p) => p.id === 'bergen-hs-nurse');
    await page.getByLabel('Filtrer på navn, rolle eller enhet').fill(nurse.name);
    await page.getByRole('button', { name: new RegExp(nurse.name) }).first().click();
    const link = page.getByRole('region', { name: 'Dagens konsultasjoner' }).getByRole('link').first();
    await link.waitFor({ timeout: 120_000 });

    const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('akson.session')).state.token);
    const child = await page.evaluate(async (token) => (await fetch('/fhir/Patient/scn-hs-child', { headers: { Authorization: `Bearer ${token}` } })).json(), token);
    const extra = [20, 35, 50, 60, 75, 100, 130, 160, 200, 220, 260, 280, 330, 350].flatMap((d) => occasion(token, d, child.birthDate));
    const status = await page.evaluate(
      async ({ token, entry }) => (await fetch('/fhir', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' }, body: JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry }) })).status,
      { token, entry: extra },
    );
    if (status !== 200) throw new Error(`growth bench: adding the measurements answered HTTP ${status}`);

    await page.getByRole('region', { name: 'Dagens konsultasjoner' }).getByRole('link', { name: new RegExp(child.name[0].family) }).first().click();
    await page.getByRole('tab', { name: 'Vekst' }).waitFor();

    const timeGrowthTab = async () => {
      await page.getByRole('tab', { name: 'Program' }).click();
      await page.getByRole('table', { name: 'Helsestasjonsprogrammet' }).waitFor();
      await page.evaluate(() => {
        window.__clicked = 0;
        document.addEventListener('click', () => (window.__clicked = performance.now()), { capture: true, once: true });
      });
      await page.getByRole('tab', { name: 'Vekst' }).click();
      return page
        .waitForFunction(
          () => {
            const charts = document.querySelectorAll('[data-testid="growth-charts"] svg');
            if (charts.length !== 4) return false;
            for (const svg of charts) if (svg.querySelectorAll('path').length < 5) return false;
            const points = charts[0].querySelectorAll('[data-point]').length;
            if (points < 20) return false;
            const rows = document.querySelectorAll('table[aria-labelledby="growth-table"] tbody tr').length;
            return { ms: performance.now() - window.__clicked, points, rows };
          },
          null,
          { polling: 'raf', timeout: 60_000 },
        )
        .then((h) => h.jsonValue());
    };
    const first = await timeGrowthTab();
    const times = [];
    let last = first;
    for (let i = 0; i < runs; i++) {
      last = await timeGrowthTab();
      times.push(last.ms);
    }
    results.timings.growthChartMs = { pointsInWeightForAge: last.points, tableRows: last.rows, firstMs: Math.round(first.ms), runs: times.map(Math.round), median: Math.round(median(times)) };
    results.budgets.growthChartMs = { budget: 300, value: results.timings.growthChartMs.median, ok: results.timings.growthChartMs.median <= 300 };
    console.log(`growth chart (4 WHO charts, ${last.points} measurements each by age, ${last.rows} table rows): first ${Math.round(first.ms)} ms (WHO tables loaded), median ${Math.round(median(times))} ms of ${runs}`);
  } finally {
    await browser.close();
  }
}

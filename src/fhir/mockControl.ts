import { whenBackendReady } from './backendReady';

/**
 * The mock backend's scenario control (GET /mock/scenarios, POST /mock/reset). It exists only
 * on the mock backends; the app shows it only when it runs on one.
 */
export interface ScenarioSummary {
  id: string;
  version: number | string;
  title: { nb: string; en: string };
  description: { nb: string; en: string };
}


export async function fetchScenarios(baseUrl: string): Promise<ScenarioSummary[]> {
  await whenBackendReady();
  const response = await fetch(`${baseUrl}/mock/scenarios`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as ScenarioSummary[];
}

export async function resetScenario(baseUrl: string, scenarioId: string): Promise<void> {
  await whenBackendReady();
  const response = await fetch(`${baseUrl}/mock/reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scenario: scenarioId }),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}

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

/**
 * A call to one of the mock backends' own routes (/mock/…, /personas, /token) that answer plain
 * JSON: the answer's body, or an Error with the backend's `error_description` (else the status).
 */
export async function mockControlRequest<T>(url: string, init?: RequestInit): Promise<T> {
  await whenBackendReady();
  const response = await fetch(url, { ...init, headers: { 'Content-Type': 'application/json', ...(init?.headers ?? {}) } });
  const text = await response.text();
  if (!response.ok) {
    let message = `HTTP ${response.status}`;
    try {
      message = (JSON.parse(text) as { error_description?: string }).error_description ?? message;
    } catch {
      // not JSON: the status says enough
    }
    throw new Error(message);
  }
  return JSON.parse(text) as T;
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

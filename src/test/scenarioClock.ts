import { afterEach, beforeEach, vi } from 'vitest';
import { useSession } from '../session/store';

/**
 * The test scenario's clock stands at 26.11.2026 09:00 (mocks/testing.ts); the user works an
 * hour later, so what a test writes is written after the seed. Signs the user out after each test.
 */
export function workAfterScenarioClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-26T10:00:00+01:00') });
  });
  afterEach(() => {
    vi.useRealTimers();
    useSession.setState({ persona: null, token: null });
  });
}

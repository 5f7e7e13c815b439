// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseVitals } from './vitalsForm';

describe('the triage form’s numbers', () => {
  it('reads a decimal comma, leaves empty fields out, and says what is wrong with the rest', () => {
    const parsed = parseVitals({ rr: '22', temp: '38,5', pulse: '', spo2: 'nittifem', sys: '400' });
    expect(parsed.values).toEqual({ respiratoryRate: 22, temperature: 38.5 });
    expect(parsed.errors).toEqual({ spo2: { kind: 'number' }, sys: { kind: 'range', min: 30, max: 300 } });
  });
});

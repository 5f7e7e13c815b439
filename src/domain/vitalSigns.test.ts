// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { validateBloodPressure, validateVital, type VitalParameter } from './vitalSigns';

type Level = 'ok' | 'warning' | 'impossible';

// [value, expected level] around every limit, both sides.
const CASES: Record<VitalParameter, [number, Level][]> = {
  pulse: [[-1, 'impossible'], [0, 'warning'], [39, 'warning'], [40, 'ok'], [70, 'ok'], [140, 'ok'], [141, 'warning'], [300, 'warning'], [301, 'impossible']],
  systolicBp: [[29, 'impossible'], [30, 'warning'], [79, 'warning'], [80, 'ok'], [120, 'ok'], [220, 'ok'], [221, 'warning'], [300, 'warning'], [301, 'impossible']],
  diastolicBp: [[9, 'impossible'], [10, 'warning'], [39, 'warning'], [40, 'ok'], [80, 'ok'], [120, 'ok'], [121, 'warning'], [200, 'warning'], [201, 'impossible']],
  respiratoryRate: [[-1, 'impossible'], [0, 'warning'], [7, 'warning'], [8, 'ok'], [16, 'ok'], [35, 'ok'], [36, 'warning'], [80, 'warning'], [81, 'impossible']],
  spo2: [[-1, 'impossible'], [0, 'warning'], [84, 'warning'], [85, 'ok'], [98, 'ok'], [100, 'ok'], [100.1, 'impossible'], [101, 'impossible']],
  temperature: [[24.9, 'impossible'], [25, 'warning'], [34.9, 'warning'], [35, 'ok'], [37, 'ok'], [40, 'ok'], [40.1, 'warning'], [45, 'warning'], [45.1, 'impossible']],
  weight: [[0, 'impossible'], [0.29, 'impossible'], [0.3, 'warning'], [0.99, 'warning'], [1, 'ok'], [3.5, 'ok'], [250, 'ok'], [250.1, 'warning'], [400, 'warning'], [400.1, 'impossible']],
};

describe('validateVital', () => {
  for (const [parameter, cases] of Object.entries(CASES) as [VitalParameter, [number, Level][]][]) {
    it.each(cases)(`${parameter} %s → %s`, (value, level) => {
      const r = validateVital(parameter, value);
      expect(r.level).toBe(level);
      if (level === 'impossible') expect(r.messageKey).toBe(`vitals.error.impossible.${parameter}`);
      if (level === 'warning') expect(r.messageKey).toBe(`vitals.warning.unusual.${parameter}`);
      if (level === 'ok') expect(r.messageKey).toBeUndefined();
    });
  }

  it('rejects non-finite numbers', () => {
    expect(validateVital('pulse', Number.NaN)).toEqual({ level: 'impossible', messageKey: 'vitals.error.impossible.pulse' });
    expect(validateVital('weight', Number.POSITIVE_INFINITY).level).toBe('impossible');
  });
});

describe('validateBloodPressure', () => {
  it('accepts an ordinary reading', () => {
    expect(validateBloodPressure(120, 80)).toEqual({ level: 'ok' });
  });

  it('rejects a diastolic equal to or above the systolic', () => {
    expect(validateBloodPressure(120, 120)).toEqual({ level: 'impossible', messageKey: 'vitals.error.diastolicNotBelowSystolic' });
    expect(validateBloodPressure(80, 120)).toEqual({ level: 'impossible', messageKey: 'vitals.error.diastolicNotBelowSystolic' });
    expect(validateBloodPressure(120, 119)).toEqual({ level: 'ok' });
  });

  it('reports the single values, the most severe first', () => {
    expect(validateBloodPressure(230, 100)).toEqual({ level: 'warning', messageKey: 'vitals.warning.unusual.systolicBp' });
    expect(validateBloodPressure(120, 35)).toEqual({ level: 'warning', messageKey: 'vitals.warning.unusual.diastolicBp' });
    expect(validateBloodPressure(350, 80)).toEqual({ level: 'impossible', messageKey: 'vitals.error.impossible.systolicBp' });
    // an impossible pair beats a warning on one value
    expect(validateBloodPressure(75, 78)).toEqual({ level: 'impossible', messageKey: 'vitals.error.diastolicNotBelowSystolic' });
  });
});

// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { news2, type News2Input } from './news2';

// Every boundary of every row of the NEWS2 chart (RCP 2017, ../shared/DOMAIN.md), both sides.

/** A patient scoring 0 on everything, for checking one parameter at a time. */
const NORMAL: Required<Omit<News2Input, 'spo2Scale'>> = {
  respiratoryRate: 16,
  spo2: 98,
  onOxygen: false,
  systolicBp: 120,
  pulse: 70,
  consciousness: 'A',
  temperature: 37.0,
};

describe('news2: a normal patient', () => {
  it('scores 0 on all seven parameters', () => {
    expect(news2(NORMAL)).toEqual({
      total: 0,
      complete: true,
      scores: { respiratoryRate: 0, spo2: 0, airOrOxygen: 0, systolicBp: 0, pulse: 0, consciousness: 0, temperature: 0 },
      anySingleThree: false,
      band: 'low',
    });
  });
});

describe('news2: respiratory rate (≤8 → 3, 9–11 → 1, 12–20 → 0, 21–24 → 2, ≥25 → 3)', () => {
  it.each([
    [0, 3], [8, 3], [9, 1], [11, 1], [12, 0], [20, 0], [21, 2], [24, 2], [25, 3], [40, 3],
  ])('%s /min scores %s', (respiratoryRate, expected) => {
    expect(news2({ respiratoryRate }).scores.respiratoryRate).toBe(expected);
  });
});

describe('news2: SpO2 scale 1 (≤91 → 3, 92–93 → 2, 94–95 → 1, ≥96 → 0)', () => {
  it.each([
    [70, 3], [91, 3], [92, 2], [93, 2], [94, 1], [95, 1], [96, 0], [100, 0],
  ])('%s %% scores %s', (spo2, expected) => {
    expect(news2({ spo2 }).scores.spo2).toBe(expected);
    expect(news2({ spo2, spo2Scale: 1, onOxygen: true }).scores.spo2).toBe(expected);
  });

  it('is the default scale', () => {
    expect(news2({ spo2: 90 }).scores.spo2).toBe(3);
  });
});

describe('news2: SpO2 scale 2 (hypercapnic respiratory failure)', () => {
  it.each([
    [70, 3], [83, 3], [84, 2], [85, 2], [86, 1], [87, 1], [88, 0], [92, 0],
  ])('%s %% scores %s on air and on oxygen', (spo2, expected) => {
    expect(news2({ spo2, spo2Scale: 2, onOxygen: false }).scores.spo2).toBe(expected);
    expect(news2({ spo2, spo2Scale: 2, onOxygen: true }).scores.spo2).toBe(expected);
  });

  it.each([[93], [95], [97], [100]])('%s %% on air scores 0', (spo2) => {
    expect(news2({ spo2, spo2Scale: 2, onOxygen: false }).scores.spo2).toBe(0);
  });

  it.each([
    [92, 0], [93, 1], [94, 1], [95, 2], [96, 2], [97, 3], [100, 3],
  ])('%s %% on oxygen scores %s', (spo2, expected) => {
    expect(news2({ spo2, spo2Scale: 2, onOxygen: true }).scores.spo2).toBe(expected);
  });

  it('leaves SpO2 unscored at ≥93 % when air/oxygen is not known', () => {
    const r = news2({ spo2: 95, spo2Scale: 2 });
    expect(r.scores.spo2).toBeUndefined();
    expect(r.complete).toBe(false);
    expect(news2({ spo2: 85, spo2Scale: 2 }).scores.spo2).toBe(2);
  });
});

describe('news2: air or oxygen (oxygen → 2, air → 0)', () => {
  it('scores supplemental oxygen 2 and air 0', () => {
    expect(news2({ onOxygen: true }).scores.airOrOxygen).toBe(2);
    expect(news2({ onOxygen: false }).scores.airOrOxygen).toBe(0);
    expect(news2({}).scores.airOrOxygen).toBeUndefined();
  });
});

describe('news2: systolic BP (≤90 → 3, 91–100 → 2, 101–110 → 1, 111–219 → 0, ≥220 → 3)', () => {
  it.each([
    [60, 3], [90, 3], [91, 2], [100, 2], [101, 1], [110, 1], [111, 0], [219, 0], [220, 3], [260, 3],
  ])('%s mmHg scores %s', (systolicBp, expected) => {
    expect(news2({ systolicBp }).scores.systolicBp).toBe(expected);
  });
});

describe('news2: pulse (≤40 → 3, 41–50 → 1, 51–90 → 0, 91–110 → 1, 111–130 → 2, ≥131 → 3)', () => {
  it.each([
    [30, 3], [40, 3], [41, 1], [50, 1], [51, 0], [90, 0], [91, 1], [110, 1], [111, 2], [130, 2], [131, 3], [180, 3],
  ])('%s /min scores %s', (pulse, expected) => {
    expect(news2({ pulse }).scores.pulse).toBe(expected);
  });
});

describe('news2: consciousness (Alert → 0; new Confusion, Voice, Pain, Unresponsive → 3)', () => {
  it.each([
    ['A', 0], ['C', 3], ['V', 3], ['P', 3], ['U', 3],
  ] as const)('%s scores %s', (consciousness, expected) => {
    expect(news2({ consciousness }).scores.consciousness).toBe(expected);
  });
});

describe('news2: temperature (≤35.0 → 3, 35.1–36.0 → 1, 36.1–38.0 → 0, 38.1–39.0 → 1, ≥39.1 → 2)', () => {
  it.each([
    [33.0, 3], [35.0, 3], [35.1, 1], [36.0, 1], [36.1, 0], [38.0, 0], [38.1, 1], [39.0, 1], [39.1, 2], [41.0, 2],
  ])('%s °C scores %s', (temperature, expected) => {
    expect(news2({ temperature }).scores.temperature).toBe(expected);
  });

  it('rounds to one decimal (half up) before scoring', () => {
    expect(news2({ temperature: 35.04 }).scores.temperature).toBe(3); // 35.0
    expect(news2({ temperature: 35.05 }).scores.temperature).toBe(1); // 35.1
    expect(news2({ temperature: 36.04 }).scores.temperature).toBe(1); // 36.0
    expect(news2({ temperature: 36.05 }).scores.temperature).toBe(0); // 36.1
    expect(news2({ temperature: 38.04 }).scores.temperature).toBe(0); // 38.0
    expect(news2({ temperature: 38.05 }).scores.temperature).toBe(1); // 38.1
    expect(news2({ temperature: 39.04 }).scores.temperature).toBe(1); // 39.0
    expect(news2({ temperature: 39.05 }).scores.temperature).toBe(2); // 39.1
  });
});

describe('news2: whole-number parameters are rounded half up', () => {
  it('rounds before scoring', () => {
    expect(news2({ pulse: 90.4 }).scores.pulse).toBe(0);
    expect(news2({ pulse: 90.5 }).scores.pulse).toBe(1);
    expect(news2({ systolicBp: 90.5 }).scores.systolicBp).toBe(2);
    expect(news2({ respiratoryRate: 20.5 }).scores.respiratoryRate).toBe(2);
    expect(news2({ spo2: 95.5 }).scores.spo2).toBe(0);
  });
});

describe('news2: total, completeness and bands', () => {
  it('adds the parameter scores', () => {
    // RR 22 (2) + SpO2 95 (1) + oxygen (2) + BP 105 (1) + pulse 115 (2) + A (0) + 38.5 (1) = 9
    const r = news2({ respiratoryRate: 22, spo2: 95, onOxygen: true, systolicBp: 105, pulse: 115, consciousness: 'A', temperature: 38.5 });
    expect(r.total).toBe(9);
    expect(r.complete).toBe(true);
    expect(r.band).toBe('high');
  });

  it('0–4 without a single 3 is low', () => {
    expect(news2(NORMAL).band).toBe('low');
    // 4: pulse 115 (2) + oxygen (2)
    const r = news2({ ...NORMAL, pulse: 115, onOxygen: true });
    expect(r.total).toBe(4);
    expect(r.anySingleThree).toBe(false);
    expect(r.band).toBe('low');
  });

  it('0–4 with a single parameter scoring 3 is low-single-red', () => {
    const r = news2({ ...NORMAL, consciousness: 'C' });
    expect(r.total).toBe(3);
    expect(r.anySingleThree).toBe(true);
    expect(r.band).toBe('low-single-red');
    // 4 = 3 (RR 8) + 1 (pulse 45)
    const r4 = news2({ ...NORMAL, respiratoryRate: 8, pulse: 45 });
    expect(r4.total).toBe(4);
    expect(r4.band).toBe('low-single-red');
  });

  it('5–6 is medium (whether or not one parameter scores 3)', () => {
    const five = news2({ ...NORMAL, onOxygen: true, systolicBp: 95, pulse: 95 }); // 2 + 2 + 1
    expect(five.total).toBe(5);
    expect(five.band).toBe('medium');
    const six = news2({ ...NORMAL, temperature: 34.5, respiratoryRate: 10, pulse: 45, systolicBp: 105 }); // 3 + 1 + 1 + 1
    expect(six.total).toBe(6);
    expect(six.anySingleThree).toBe(true);
    expect(six.band).toBe('medium');
  });

  it('7 and above is high', () => {
    const seven = news2({ ...NORMAL, consciousness: 'V', onOxygen: true, pulse: 115 }); // 3 + 2 + 2
    expect(seven.total).toBe(7);
    expect(seven.band).toBe('high');
    const max = news2({ respiratoryRate: 6, spo2: 85, onOxygen: true, systolicBp: 80, pulse: 150, consciousness: 'U', temperature: 40 });
    expect(max.total).toBe(3 + 3 + 2 + 3 + 3 + 3 + 2);
    expect(max.band).toBe('high');
  });

  it('scores what is present and reports incompleteness', () => {
    const r = news2({ pulse: 135, temperature: 37 });
    expect(r.scores).toEqual({ pulse: 3, temperature: 0 });
    expect(r.total).toBe(3);
    expect(r.complete).toBe(false);
    expect(r.band).toBe('low-single-red');
    expect(news2({})).toEqual({ total: 0, complete: false, scores: {}, anySingleThree: false, band: 'low' });
  });

  it('treats non-finite numbers as missing', () => {
    expect(news2({ pulse: Number.NaN, temperature: Number.POSITIVE_INFINITY }).scores).toEqual({});
  });
});

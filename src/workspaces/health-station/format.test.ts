import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import { dateAtAge, formatChildAge, formatNumber, monthsOld, parseDecimal } from './format';
import { registerHealthStationStrings } from './i18n';
import '../../test/render';

registerHealthStationStrings();
const t = i18n.getFixedT('nb');

describe('health station formats', () => {
  it('says a child’s age in days, weeks, calendar months, then years and months', () => {
    expect(formatChildAge(t, '2025-11-26', '2025-12-04')).toBe('8 dager');
    expect(formatChildAge(t, '2025-11-26', '2026-01-07')).toBe('6 uker');
    expect(formatChildAge(t, '2025-11-26', '2026-11-25')).toBe('11 måneder');
    expect(formatChildAge(t, '2025-11-26', '2026-11-26')).toBe('12 måneder'); // the first birthday, though 365 days < 12 × 30.44
    expect(formatChildAge(t, '2022-07-10', '2026-11-26')).toBe('4 år og 4 mnd.');
    expect(formatChildAge(t, '2023-11-26', '2026-11-26')).toBe('3 år');
    expect(monthsOld('2025-01-31', '2025-02-28')).toBe(0);
    expect(monthsOld('2025-01-31', '2025-03-01')).toBe(1);
  });

  it('reads decimals with a comma or a point and refuses anything else', () => {
    expect(parseDecimal('9,85')).toBe(9.85);
    expect(parseDecimal(' 75.5 ')).toBe(75.5);
    expect(parseDecimal('')).toBeUndefined();
    expect(parseDecimal('9,8 kg')).toBeNaN();
    expect(parseDecimal('-3')).toBeNaN();
  });

  it('writes numbers in Norwegian, without a minus on a rounded zero', () => {
    expect(formatNumber(-0.001, 'nb', 2)).toBe('0,00');
    expect(formatNumber(-0.25, 'nb', 2)).toBe('−0,25');
    expect(formatNumber(9.8, 'nb', 2)).toBe('9,80');
    expect(dateAtAge('2025-11-26', 365)).toBe('2026-11-26');
  });
});

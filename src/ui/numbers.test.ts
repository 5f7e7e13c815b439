// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatDecimal } from './numbers';

describe('formatDecimal', () => {
  it('writes a decimal comma in Norwegian and a point in English, without thousands separators', () => {
    expect(formatDecimal(4.25, 'nb', 1)).toBe('4,3');
    expect(formatDecimal(4.25, 'en', 2)).toBe('4.25');
    expect(formatDecimal(12345.5, 'nb', 1)).toBe('12345,5');
  });
  it('keeps formatters apart by language and precision', () => {
    expect(formatDecimal(0.1234, 'nb', 3)).toBe('0,123');
    expect(formatDecimal(0.1234, 'nb', 1)).toBe('0,1');
    expect(formatDecimal(0.1234, 'en', 3)).toBe('0.123');
  });
});

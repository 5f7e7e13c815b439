// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SUS_ITEMS, susScore } from './sus';

/**
 * Brooke (1996) scoring: odd items answer − 1, even items 5 − answer, the sum × 2.5. The cases are
 * the scale's fixed points and hand-worked sums (each written out), not numbers copied from the code.
 */
describe('SUS score', () => {
  it('has the ten standard statements in Norwegian and English', () => {
    expect(SUS_ITEMS).toHaveLength(10);
    expect(SUS_ITEMS[0]?.en).toBe('I think that I would like to use this system frequently.');
    expect(SUS_ITEMS[9]?.en).toBe('I needed to learn a lot of things before I could get going with this system.');
    for (const item of SUS_ITEMS) expect(item.nb.length).toBeGreaterThan(20);
  });

  it('the best answers (5 on odd, 1 on even items) give 100, the worst give 0', () => {
    expect(susScore([5, 1, 5, 1, 5, 1, 5, 1, 5, 1])).toBe(100);
    expect(susScore([1, 5, 1, 5, 1, 5, 1, 5, 1, 5])).toBe(0);
  });

  it('all neutral (3) gives 50, and so does agreeing with everything (acquiescence)', () => {
    expect(susScore(Array(10).fill(3))).toBe(50);
    // odd: 5 × (5 − 1) = 20; even: 5 × (5 − 5) = 0; 20 × 2.5 = 50
    expect(susScore(Array(10).fill(5))).toBe(50);
  });

  it('a worked example: 4 2 4 1 3 2 5 1 4 3', () => {
    // odd items: (4−1)+(4−1)+(3−1)+(5−1)+(4−1) = 3+3+2+4+3 = 15
    // even items: (5−2)+(5−1)+(5−2)+(5−1)+(5−3) = 3+4+3+4+2 = 16
    // (15 + 16) × 2.5 = 77.5
    expect(susScore([4, 2, 4, 1, 3, 2, 5, 1, 4, 3])).toBe(77.5);
  });

  it('a worked example below average: 2 4 2 4 3 3 3 4 2 4', () => {
    // odd: 1+1+2+2+1 = 7; even: 1+1+2+1+1 = 6; 13 × 2.5 = 32.5
    expect(susScore([2, 4, 2, 4, 3, 3, 3, 4, 2, 4])).toBe(32.5);
  });

  it('is undefined until every item has an answer from 1 to 5', () => {
    expect(susScore([5, 1, 5, 1, 5, 1, 5, 1, 5])).toBeUndefined();
    expect(susScore([5, 1, 5, 1, 5, 1, 5, 1, 5, null])).toBeUndefined();
    expect(susScore([5, 1, 5, 1, 5, 1, 5, 1, 5, 6])).toBeUndefined();
    expect(susScore([0, 1, 5, 1, 5, 1, 5, 1, 5, 1])).toBeUndefined();
  });
});

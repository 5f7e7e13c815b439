// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { LABS } from '../../mocks/seed/terminology';
import { ANALYSES, LAB_PANELS, analysisByKey } from './labCatalogue';

describe('the orderable analyses', () => {
  it('are the analyses the laboratory reports, with the same NLK codes and names', () => {
    for (const a of ANALYSES) {
      const reported = LABS[a.key];
      expect(reported, a.key).toBeDefined();
      expect(a.code).toBe(reported?.code.coding?.[0]?.code);
      expect(a.display).toBe(reported?.code.text);
    }
  });

  it('panels name only analyses that can be ordered', () => {
    for (const panel of LAB_PANELS) for (const key of panel.analyses) expect(analysisByKey(key), `${panel.key}: ${key}`).toBeDefined();
    expect(analysisByKey('nonsense')).toBeUndefined();
  });
});

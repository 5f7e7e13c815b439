// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CONSULTATIONS, VACCINES, dosesOf } from '../../src/domain/childProgramme';
import { HEALTH_STATION_PROGRAMME, VACCINE, type VaccineKey } from './terminology';

/** The seed's programme (what synthetic children have had) agrees with the app's programme tables. */
describe('the seed’s health station programme and the app’s', () => {
  it('has the same 14 consultations, each seeded within the app’s window, with the same vaccines and ATC codes', () => {
    expect(HEALTH_STATION_PROGRAMME).toHaveLength(CONSULTATIONS.length);
    HEALTH_STATION_PROGRAMME.forEach((v, i) => {
      const c = CONSULTATIONS[i]!;
      expect(v.ageDays, c.key).toBeGreaterThanOrEqual(c.dueFromDays);
      expect(v.ageDays, c.key).toBeLessThanOrEqual(c.overdueAfterDays);
      expect(Boolean(v.doctor), c.key).toBe(c.doctor);
      expect(v.vaccines.map(([k, dose]) => `${k} ${dose}`).sort(), c.key).toEqual(dosesOf(c.key).map((d) => `${d.vaccine} ${d.dose}`).sort());
      const measures = { none: [], WL: ['weight', 'length'], WLH: ['weight', 'length', 'head'], WH: ['weight', 'length'] }[v.growth];
      expect(measures, c.key).toEqual([...c.measures]);
    });
    for (const key of Object.keys(VACCINE) as VaccineKey[]) expect(VACCINE[key].coding?.[0]?.code).toBe(VACCINES[key].atc);
  });
});

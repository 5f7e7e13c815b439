// @vitest-environment node
import type { Organization, Practitioner, PractitionerRole } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { CODE_SYSTEM, EXTENSION, IDENTIFIER } from '../../src/domain/codeSystems';
import { isValidOrgNumber } from '../../src/domain/organisationNumber';
import { CATEGORY_OF_GROUP, PERSONNEL_GROUPS } from '../../src/session/personnel';
import { DEFAULT_SEED_OPTIONS, generateCore } from './index';
import { validateResources } from './validate';

const NOW = '2026-11-26T10:30:00+01:00';
const core = generateCore({ ...DEFAULT_SEED_OPTIONS, now: NOW });

const byId = new Map(core.resources.map((r) => [`${r.resourceType}/${r.id}`, r]));
const orgs = core.resources.filter((r): r is Organization => r.resourceType === 'Organization');
const roles = core.resources.filter((r): r is PractitionerRole => r.resourceType === 'PractitionerRole');
const practitioners = core.resources.filter((r): r is Practitioner => r.resourceType === 'Practitioner');

describe('generateCore', () => {
  it('has the three municipalities with their real kommunenummer', () => {
    expect(core.municipalities).toEqual([
      { code: '4601', name: 'Bergen', county: 'Vestland' },
      { code: '5001', name: 'Trondheim', county: 'Trøndelag' },
      { code: '5501', name: 'Tromsø', county: 'Troms' },
    ]);
  });

  it('is deterministic and depends on the seed', () => {
    expect(JSON.stringify(generateCore({ ...DEFAULT_SEED_OPTIONS, now: NOW }))).toBe(JSON.stringify(core));
    expect(JSON.stringify(generateCore({ seed: 1, patients: 10, now: NOW }))).not.toBe(JSON.stringify(core));
  });

  it('produces valid resources whose references resolve', () => {
    expect(validateResources(core.resources)).toEqual([]);
  });

  it('gives each municipality the units the product needs', () => {
    for (const m of core.municipalities) {
      const units = orgs.filter((o) => o.partOf?.reference === `Organization/org-${m.code}`);
      const kinds = units.map((o) => o.type?.[0]?.coding?.find((c) => c.system === CODE_SYSTEM.unitKind)?.code);
      const count = (k: string): number => kinds.filter((x) => x === k).length;
      expect(count('gp-office')).toBe(3);
      expect(count('emergency-clinic')).toBe(1);
      expect(count('home-care-district')).toBe(2);
      expect(count('health-station')).toBe(1);
      expect(count('nursing-home')).toBe(1);
      expect(count('physio-clinic')).toBe(1);
      expect(count('municipal-admin')).toBe(1);
      for (const u of units) {
        const address = u.address?.[0];
        expect(address?.district).toBe(m.name);
        expect(address?._district?.extension?.[0]).toMatchObject({ url: EXTENSION.municipalityCode, valueCoding: { system: CODE_SYSTEM.municipality, code: m.code } });
        expect(address?.postalCode).toMatch(/^\d{4}$/);
      }
    }
  });

  it('gives every organisation a valid organisasjonsnummer and a HER-id, all different', () => {
    const orgnrs = orgs.map((o) => o.identifier?.find((i) => i.system === IDENTIFIER.orgnr)?.value ?? '');
    const herIds = orgs.map((o) => o.identifier?.find((i) => i.system === IDENTIFIER.herId)?.value ?? '');
    for (const n of orgnrs) expect(isValidOrgNumber(n), n).toBe(true);
    expect(new Set(orgnrs).size).toBe(orgs.length);
    expect(new Set(herIds).size).toBe(orgs.length);
    for (const name of [
      'Haukeland universitetssjukehus, Avdeling for medisinsk biokjemi og farmakologi',
      'St. Olavs hospital, Avdeling for medisinsk biokjemi',
      'Universitetssykehuset Nord-Norge, Laboratoriemedisin',
      'Fürst Medisinsk Laboratorium',
    ]) {
      expect(orgs.some((o) => o.name === name)).toBe(true);
    }
    expect(orgs.filter((o) => o.name?.endsWith(', laboratorium'))).toHaveLength(9);
  });

  it('gives health personnel (only) a synthetic HPR number and a qualification', () => {
    const hprs: string[] = [];
    for (const role of roles) {
      const prac = byId.get(role.practitioner?.reference ?? '') as Practitioner;
      const group = role.code?.[0]?.coding?.find((c) => c.system === CODE_SYSTEM.personnelGroup)?.code as keyof typeof CATEGORY_OF_GROUP | undefined;
      const category = group ? CATEGORY_OF_GROUP[group] : 'LE';
      const hpr = prac.identifier?.find((i) => i.system === IDENTIFIER.hpr)?.value;
      if (category) {
        expect(hpr).toMatch(/^9\d{6}$/);
        hprs.push(hpr ?? '');
        expect(prac.qualification?.[0]?.code.coding?.[0]).toMatchObject({ system: CODE_SYSTEM.personnelCategory, code: category });
        expect(role.code?.[0]?.coding?.some((c) => c.system === CODE_SYSTEM.personnelCategory && c.code === category)).toBe(true);
      } else {
        expect(hpr).toBeUndefined();
        expect(prac.qualification).toBeUndefined();
      }
      if (group === 'gp') expect(role.specialty?.[0]?.coding?.[0]).toMatchObject({ system: CODE_SYSTEM.specialty, code: '1', display: 'Allmennmedisin' });
    }
    expect(new Set(hprs).size).toBe(hprs.length);
    expect(practitioners.length).toBe(roles.length);
  });

  it('has one persona per personnel group per municipality, each resolving to real resources', () => {
    expect(core.personas).toHaveLength(PERSONNEL_GROUPS.length * 3);
    expect(new Set(core.personas.map((p) => p.id)).size).toBe(core.personas.length);
    expect(core.personas.slice(0, 3).map((p) => p.id)).toEqual(['bergen-gp', 'bergen-gp-nurse', 'bergen-ed-doctor']);
    for (const m of core.municipalities) {
      const mine = core.personas.filter((p) => p.municipalityCode === m.code);
      expect(mine.map((p) => p.personnelGroup)).toEqual([...PERSONNEL_GROUPS]);
      for (const p of mine) {
        expect(p.municipalityName).toBe(m.name);
        const role = byId.get(`PractitionerRole/${p.practitionerRoleId}`) as PractitionerRole;
        const prac = byId.get(`Practitioner/${p.practitionerId}`) as Practitioner;
        const org = byId.get(`Organization/${p.organizationId}`) as Organization;
        expect(role && prac && org).toBeTruthy();
        expect(role.practitioner?.reference).toBe(`Practitioner/${p.practitionerId}`);
        expect(role.organization?.reference).toBe(`Organization/${p.organizationId}`);
        expect(role.code?.[0]?.coding?.[0]).toMatchObject({ system: CODE_SYSTEM.personnelGroup, code: p.personnelGroup });
        expect(org.name).toBe(p.unitName);
        expect(org.type?.[0]?.coding?.[0]?.code).toBe(p.unitKind);
        expect(prac.name?.[0]?.text).toBe(p.name);
        expect(p.hprNumber).toBe(prac.identifier?.find((i) => i.system === IDENTIFIER.hpr)?.value);
      }
    }
  });

  it('is fast', () => {
    const t0 = performance.now();
    generateCore({ ...DEFAULT_SEED_OPTIONS, now: NOW });
    // Printed, not asserted (performance is measured by benchmarks, not timed tests).
    console.info(`generateCore: ${(performance.now() - t0).toFixed(1)} ms, ${core.resources.length} resources`);
  });
});

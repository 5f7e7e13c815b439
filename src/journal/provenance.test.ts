// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Organization, PractitionerRole } from 'fhir/r4';
import { CODE_SYSTEM } from '../domain/codeSystems';
import { describeProvenance, orgInfo, referencedIds, roleInfo, type ProvenanceLookup } from './provenance';

const homeCare: Organization = {
  resourceType: 'Organization',
  id: 'org-4601-hc-1',
  name: 'Hjemmetjenesten Årstad',
  type: [{ coding: [{ system: CODE_SYSTEM.unitKind, code: 'home-care-district' }] }],
  address: [{ district: 'Bergen' }],
};
const hospitalLab: Organization = {
  resourceType: 'Organization',
  id: 'org-hus-lab',
  name: 'Laboratorium for klinisk biokjemi, Haukeland',
  type: [{ text: 'Laboratorium' }, { coding: [{ system: CODE_SYSTEM.service, code: 'hospital' }] }],
  address: [{ district: 'Bergen' }],
};
const nurse: PractitionerRole = {
  resourceType: 'PractitionerRole',
  id: 'role-nurse',
  code: [{ coding: [{ system: CODE_SYSTEM.personnelGroup, code: 'homecare-nurse' }], text: 'Sykepleier, hjemmetjenesten' }],
  organization: { reference: 'Organization/org-4601-hc-1', display: 'Hjemmetjenesten Årstad' },
};

const lookup: ProvenanceLookup = {
  roles: new Map([['role-nurse', roleInfo(nurse)]]),
  orgs: new Map([
    ['org-4601-hc-1', orgInfo(homeCare)],
    ['org-hus-lab', orgInfo(hospitalLab)],
  ]),
};

describe('provenance', () => {
  it('reads the personnel group from the role and service and municipality from its unit', () => {
    const p = describeProvenance({ reference: 'PractitionerRole/role-nurse', display: 'Kari Nordmann' }, undefined, lookup);
    expect(p).toMatchObject({ name: 'Kari Nordmann', group: 'homecare-nurse', unitId: 'org-4601-hc-1', unitName: 'Hjemmetjenesten Årstad', service: 'home-care', municipality: 'Bergen' });
  });

  it('prefers the unit that holds the entry over the author role’s unit', () => {
    const p = describeProvenance({ reference: 'PractitionerRole/role-nurse', display: 'Kari' }, { reference: 'Organization/org-hus-lab', display: 'Lab' }, lookup);
    expect(p.unitName).toBe('Lab');
    expect(p.service).toBe('hospital');
  });

  it('names an organisation author once and reads the specialist service from its type', () => {
    const p = describeProvenance({ reference: 'Organization/org-hus-lab', display: 'Laboratorium for klinisk biokjemi, Haukeland' }, undefined, lookup);
    expect(p.name).toBe('Laboratorium for klinisk biokjemi, Haukeland');
    expect(p.unitName).toBe('');
    expect(p.service).toBe('hospital');
  });

  it('falls back to what the references carry while nothing is looked up', () => {
    const p = describeProvenance({ reference: 'PractitionerRole/unknown', display: 'Ola' }, { reference: 'Organization/x', display: 'Legevakten' }, { roles: new Map(), orgs: new Map() });
    expect(p).toEqual({ name: 'Ola', roleId: 'unknown', unitId: 'x', unitName: 'Legevakten' });
  });

  it('collects role and organisation ids once each, sorted', () => {
    expect(
      referencedIds([{ reference: 'PractitionerRole/b' }, { reference: 'Organization/o' }, undefined, { reference: 'PractitionerRole/a' }, { reference: 'PractitionerRole/b' }, { reference: 'Patient/p' }]),
    ).toEqual({ roleIds: ['a', 'b'], orgIds: ['o'] });
  });
});

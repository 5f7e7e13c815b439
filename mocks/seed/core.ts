import type { Address, CodeableConcept, Coding, FhirResource, Location, Organization, Practitioner, PractitionerRole, Reference } from 'fhir/r4';
import { CODE_SYSTEM, EXTENSION, IDENTIFIER } from '../../src/domain/codeSystems';
import { makeOrgNumber } from '../../src/domain/organisationNumber';
import { CATEGORY_OF_GROUP, PERSONNEL_GROUPS, type Persona, type PersonnelGroup, type UnitKind } from '../../src/session/personnel';
import { LOCATION_PHYSICAL_TYPE, ORGANIZATION_TYPE, concept, deepFreeze, meta, pad, reference } from './fhir';
import { ORIGINS, norwegianGivenPool, type Sex } from './names';
import { HOSPITALS, MUNICIPALITIES, PRIVATE_LAB, type MunicipalityDef, type UnitDef } from './places';
import { Rng, STREAM, deriveSeed } from './random';
import { CATEGORY_DISPLAY, PERSONNEL_GROUP_DISPLAY, UNIT_KIND_DISPLAY, type Category } from './terminology';
import { Clock, DAY, dateTime } from './time';

/**
 * Units and personnel: the municipality Organizations, their units (GP offices, emergency
 * clinic, home care districts, health station, nursing home, physiotherapy, administration),
 * the hospitals and laboratories, Locations, Practitioners and PractitionerRoles, and one
 * Persona per personnel group per municipality.
 */

export interface Municipality {
  code: string;
  name: string;
  county: string;
}

export interface CoreOptions {
  seed: number;
  now: string;
}

const LANDLINE_PREFIX: Record<string, string> = { '4601': '55', '5001': '73', '5501': '77', '0301': '22' };

const GOVT = concept(ORGANIZATION_TYPE, 'govt', 'Government', 'Kommune');
const PROV = concept(ORGANIZATION_TYPE, 'prov', 'Healthcare Provider', 'Helseforetak');
const DEPT = concept(ORGANIZATION_TYPE, 'dept', 'Hospital Department', 'Avdeling');
const LAB_TYPE = concept(ORGANIZATION_TYPE, 'dept', 'Hospital Department', 'Laboratorium');
/** Hospitals and their departments belong to the specialist health service (read by the app's provenance line). */
const HOSPITAL_SERVICE = concept(CODE_SYSTEM.service, 'hospital', 'Spesialisthelsetjenesten');
/** A GP office's own laboratory belongs to the GP service. */
const GP_SERVICE = concept(CODE_SYSTEM.service, 'gp', 'Fastlege');
const BUILDING = concept(LOCATION_PHYSICAL_TYPE, 'bu', 'Building', 'Bygning');
const ROOM = concept(LOCATION_PHYSICAL_TYPE, 'ro', 'Room', 'Rom');
const SPECIALTY_GP = deepFreeze([concept(CODE_SYSTEM.specialty, '1', 'Allmennmedisin')]);

const UNIT_KIND_CONCEPT: Record<UnitKind, CodeableConcept> = Object.fromEntries(
  (Object.keys(UNIT_KIND_DISPLAY) as UnitKind[]).map((k) => [k, concept(CODE_SYSTEM.unitKind, k, UNIT_KIND_DISPLAY[k])]),
) as Record<UnitKind, CodeableConcept>;

/** Qualification for each health personnel category (frozen, shared). */
const QUALIFICATION: Record<Category, NonNullable<Practitioner['qualification']>> = Object.fromEntries(
  (Object.keys(CATEGORY_DISPLAY) as Category[]).map((c) => [c, deepFreeze([{ code: concept(CODE_SYSTEM.personnelCategory, c, CATEGORY_DISPLAY[c]) }])]),
) as Record<Category, NonNullable<Practitioner['qualification']>>;

/** PractitionerRole.code: one CodeableConcept with the personnel group and (for health personnel) the category. */
const ROLE_CODE: Record<PersonnelGroup, NonNullable<PractitionerRole['code']>> = Object.fromEntries(
  PERSONNEL_GROUPS.map((g) => {
    const category = CATEGORY_OF_GROUP[g];
    const coding: Coding[] = [{ system: CODE_SYSTEM.personnelGroup, code: g, display: PERSONNEL_GROUP_DISPLAY[g] }];
    if (category) coding.push({ system: CODE_SYSTEM.personnelCategory, code: category, display: CATEGORY_DISPLAY[category] });
    return [g, deepFreeze([{ coding, text: PERSONNEL_GROUP_DISPLAY[g] }])];
  }),
) as Record<PersonnelGroup, NonNullable<PractitionerRole['code']>>;

const HOSPITAL_DOCTOR_CODE = deepFreeze([{ coding: [{ system: CODE_SYSTEM.personnelCategory, code: 'LE', display: 'Lege' }], text: 'Sykehuslege' }]);
const RADIOLOGIST_CODE = deepFreeze([{ coding: [{ system: CODE_SYSTEM.personnelCategory, code: 'LE', display: 'Lege' }], text: 'Radiolog' }]);

export function municipalityAddress(line: string, postalCode: string, city: string, municipalityName: string, municipalityCode: string, use: Address['use'] = 'work'): Address {
  return {
    use,
    type: 'physical',
    line: [line],
    city,
    district: municipalityName,
    _district: {
      extension: [{ url: EXTENSION.municipalityCode, valueCoding: { system: CODE_SYSTEM.municipality, code: municipalityCode, display: municipalityName } }],
    },
    postalCode,
    country: 'NO',
  };
}

export function orgId(municipalityCode: string, unitKey?: string): string {
  return unitKey ? `org-${municipalityCode}-${unitKey}` : `org-${municipalityCode}`;
}

export function locationId(municipalityCode: string, unitKey: string): string {
  return `loc-${municipalityCode}-${unitKey}`;
}

export function officeLabId(municipalityCode: string, unitKey: string): string {
  return `org-${municipalityCode}-${unitKey}-lab`;
}

class CoreBuilder {
  readonly rng: Rng;
  readonly clock: Clock;
  readonly resources: FhirResource[] = [];
  readonly personas: Persona[] = [];
  private readonly orgNumbers = new Set<string>();
  private readonly herIds = new Set<number>();
  private readonly hprNumbers = new Set<string>();

  constructor(options: CoreOptions) {
    this.rng = new Rng(deriveSeed(options.seed, STREAM.core));
    this.clock = new Clock(options.now);
  }

  lastUpdated(): string {
    return dateTime(this.clock.now - this.rng.range(60, 900) * DAY - this.rng.int(600) * 60_000);
  }

  orgIdentifiers(): NonNullable<Organization['identifier']> {
    let orgnr = makeOrgNumber(this.rng.randomInt);
    while (this.orgNumbers.has(orgnr)) orgnr = makeOrgNumber(this.rng.randomInt);
    this.orgNumbers.add(orgnr);
    let her = this.rng.range(80_000, 999_999);
    while (this.herIds.has(her)) her = this.rng.range(80_000, 999_999);
    this.herIds.add(her);
    return [
      { use: 'official', system: IDENTIFIER.orgnr, value: orgnr },
      { use: 'official', system: IDENTIFIER.herId, value: String(her) },
    ];
  }

  phone(municipalityCode: string): string {
    return `${LANDLINE_PREFIX[municipalityCode] ?? '22'}${pad(this.rng.int(1_000_000), 6)}`;
  }

  hpr(): string {
    let v = `9${pad(this.rng.int(1_000_000), 6)}`;
    while (this.hprNumbers.has(v)) v = `9${pad(this.rng.int(1_000_000), 6)}`;
    this.hprNumbers.add(v);
    return v;
  }

  /** A working-age person's name. */
  personName(): { given: string; family: string; sex: Sex } {
    const sex: Sex = this.rng.chance(0.62) ? 'female' : 'male';
    const origin = this.rng.chance(0.88) ? ORIGINS[0] : this.rng.pick(ORIGINS.slice(1));
    if (!origin || origin.key === 'no') {
      const birthYear = this.rng.range(1962, 1998);
      const pool = norwegianGivenPool(birthYear, this.rng.next());
      return { given: this.rng.pick(pool[sex]), family: this.rng.pick(ORIGINS[0]?.family ?? []), sex };
    }
    return { given: this.rng.pick(origin.given[sex]), family: this.rng.pick(origin.family), sex };
  }

  organization(o: Omit<Organization, 'resourceType' | 'meta' | 'identifier' | 'active'>): Reference {
    const org: Organization = { resourceType: 'Organization', id: o.id, meta: meta(this.lastUpdated()), identifier: this.orgIdentifiers(), active: true, ...o };
    this.resources.push(org);
    return reference('Organization', o.id ?? '', o.name);
  }

  location(l: Omit<Location, 'resourceType' | 'meta' | 'status' | 'mode'>): Reference {
    const loc: Location = { resourceType: 'Location', id: l.id, meta: meta(this.lastUpdated()), status: 'active', mode: 'instance', ...l };
    this.resources.push(loc);
    return reference('Location', l.id ?? '', l.name);
  }

  /** A practitioner with one role; returns the role reference and the practitioner's name. */
  staff(opts: {
    id: string;
    organization: Reference;
    location?: Reference;
    group: PersonnelGroup | null;
    category: Category | null;
    roleCode: NonNullable<PractitionerRole['code']>;
    specialty?: NonNullable<PractitionerRole['specialty']>;
    municipalityCode: string;
  }): { name: string; hpr?: string; practitionerId: string; roleId: string } {
    const person = this.personName();
    const name = `${person.given} ${person.family}`;
    const practitionerId = `prac-${opts.id}`;
    const roleId = `role-${opts.id}`;
    const practitioner: Practitioner = {
      resourceType: 'Practitioner',
      id: practitionerId,
      meta: meta(this.lastUpdated()),
      active: true,
      name: [{ use: 'official', text: name, family: person.family, given: [person.given] }],
      telecom: [{ system: 'phone', value: this.phone(opts.municipalityCode), use: 'work' }],
      gender: person.sex,
    };
    let hpr: string | undefined;
    if (opts.category) {
      hpr = this.hpr();
      practitioner.identifier = [{ use: 'official', system: IDENTIFIER.hpr, value: hpr }];
      practitioner.qualification = QUALIFICATION[opts.category];
    }
    const role: PractitionerRole = {
      resourceType: 'PractitionerRole',
      id: roleId,
      meta: meta(this.lastUpdated()),
      active: true,
      practitioner: reference('Practitioner', practitionerId, name),
      organization: opts.organization,
      code: opts.roleCode,
    };
    if (opts.specialty) role.specialty = opts.specialty;
    if (opts.location) role.location = [opts.location];
    this.resources.push(practitioner, role);
    const out: { name: string; hpr?: string; practitionerId: string; roleId: string } = { name, practitionerId, roleId };
    if (hpr) out.hpr = hpr;
    return out;
  }

  municipality(m: MunicipalityDef): void {
    const muniRef = this.organization({
      id: orgId(m.code),
      type: [GOVT],
      name: m.orgName,
      telecom: [{ system: 'phone', value: this.phone(m.code), use: 'work' }],
      address: [municipalityAddress(m.orgStreet, m.orgPostalCode, m.orgTown, m.name, m.code)],
    });
    const firstOfGroup = new Map<PersonnelGroup, Persona>();
    for (const unit of m.units) this.unit(m, unit, muniRef, firstOfGroup);
    for (const group of PERSONNEL_GROUPS) {
      const persona = firstOfGroup.get(group);
      if (!persona) throw new Error(`No ${group} in ${m.name}`);
      this.personas.push(persona);
    }
  }

  unit(m: MunicipalityDef, unit: UnitDef, muniRef: Reference, firstOfGroup: Map<PersonnelGroup, Persona>): void {
    const hood = m.neighbourhoods.find((n) => n.name === unit.neighbourhood);
    const town = hood?.town ?? m.name;
    const address = municipalityAddress(unit.street, unit.postalCode, town, m.name, m.code);
    const id = orgId(m.code, unit.key);
    const orgRef = this.organization({
      id,
      type: [UNIT_KIND_CONCEPT[unit.kind]],
      name: unit.name,
      telecom: [{ system: 'phone', value: this.phone(m.code), use: 'work' }],
      address: [address],
      partOf: muniRef,
    });
    const locRef = this.location({
      id: locationId(m.code, unit.key),
      name: unit.name,
      physicalType: BUILDING,
      address,
      managingOrganization: orgRef,
    });
    if (unit.kind === 'emergency-clinic') {
      for (let r = 1; r <= 6; r++) {
        this.location({
          id: `${locationId(m.code, unit.key)}-room-${r}`,
          name: `${unit.name}, behandlingsrom ${r}`,
          physicalType: ROOM,
          managingOrganization: orgRef,
          partOf: locRef,
        });
      }
    }
    if (unit.kind === 'gp-office') {
      this.organization({
        id: officeLabId(m.code, unit.key),
        type: [LAB_TYPE, GP_SERVICE],
        name: `${unit.name}, laboratorium`,
        address: [address],
        partOf: orgRef,
      });
    }
    let n = 0;
    for (const [group, count] of unit.staff) {
      for (let i = 0; i < count; i++) {
        n++;
        const category = CATEGORY_OF_GROUP[group];
        const s = this.staff({
          id: `${m.code}-${unit.key}-${pad(n, 2)}`,
          organization: orgRef,
          location: locRef,
          group,
          category,
          roleCode: ROLE_CODE[group],
          ...(group === 'gp' ? { specialty: SPECIALTY_GP } : {}),
          municipalityCode: m.code,
        });
        if (!firstOfGroup.has(group)) {
          const persona: Persona = {
            id: `${m.slug}-${group}`,
            name: s.name,
            personnelGroup: group,
            practitionerId: s.practitionerId,
            practitionerRoleId: s.roleId,
            organizationId: id,
            unitName: unit.name,
            unitKind: unit.kind,
            municipalityCode: m.code,
            municipalityName: m.name,
          };
          if (s.hpr) persona.hprNumber = s.hpr;
          firstOfGroup.set(group, persona);
        }
      }
    }
  }

  hospitals(): void {
    for (const h of HOSPITALS) {
      const address = municipalityAddress(h.street, h.postalCode, h.town, h.municipalityName, h.municipalityCode);
      const hospRef = this.organization({
        id: `org-${h.key}`,
        type: [PROV, HOSPITAL_SERVICE],
        name: h.name,
        telecom: [{ system: 'phone', value: this.phone(h.municipalityCode), use: 'work' }],
        address: [address],
      });
      this.organization({ id: `org-${h.key}-lab`, type: [LAB_TYPE, HOSPITAL_SERVICE], name: h.labName, address: [address], partOf: hospRef });
      const radRef = this.organization({ id: `org-${h.key}-rad`, type: [DEPT, HOSPITAL_SERVICE], name: h.radiologyName, address: [address], partOf: hospRef });
      for (let i = 1; i <= 2; i++) {
        this.staff({ id: `${h.key}-${pad(i, 2)}`, organization: hospRef, group: null, category: 'LE', roleCode: HOSPITAL_DOCTOR_CODE, municipalityCode: h.municipalityCode });
      }
      this.staff({ id: `${h.key}-${pad(3, 2)}`, organization: radRef, group: null, category: 'LE', roleCode: RADIOLOGIST_CODE, municipalityCode: h.municipalityCode });
    }
    this.organization({
      id: `org-${PRIVATE_LAB.key}`,
      type: [PROV],
      name: PRIVATE_LAB.name,
      telecom: [{ system: 'phone', value: this.phone(PRIVATE_LAB.municipalityCode), use: 'work' }],
      address: [municipalityAddress(PRIVATE_LAB.street, PRIVATE_LAB.postalCode, PRIVATE_LAB.town, PRIVATE_LAB.municipalityName, PRIVATE_LAB.municipalityCode)],
    });
  }
}

export interface CoreResult {
  municipalities: Municipality[];
  resources: FhirResource[];
  personas: Persona[];
}

export function buildCore(options: CoreOptions): CoreResult {
  const b = new CoreBuilder(options);
  for (const m of MUNICIPALITIES) b.municipality(m);
  b.hospitals();
  return {
    municipalities: MUNICIPALITIES.map((m) => ({ code: m.code, name: m.name, county: m.county })),
    resources: b.resources,
    personas: b.personas,
  };
}

import type { FhirResource, Location, Organization, PractitionerRole, Reference } from 'fhir/r4';
import { CODE_SYSTEM } from '../../src/domain/codeSystems';
import type { PersonnelGroup, UnitKind } from '../../src/session/personnel';
import type { CoreResult } from './core';
import { locationId, officeLabId, orgId } from './core';
import { deepFreeze, reference } from './fhir';
import { HOSPITALS, MUNICIPALITIES, PRIVATE_LAB, type HospitalDef, type MunicipalityDef, type Neighbourhood } from './places';

/**
 * The core (units and personnel) indexed for the clinical generator. Built from the resources
 * of a SeedCore, so generateClinical depends on nothing but its arguments.
 */

export interface StaffRef {
  roleId: string;
  practitionerId: string;
  name: string;
  group: PersonnelGroup | null;
  ref: Reference;
  /** Frozen `[ref]`, shared by every resource this person authored or performed. */
  refs: Reference[];
  /** Frozen `[{ individual: ref }]` for Encounter.participant. */
  participant: Array<{ individual: Reference }>;
}

export interface UnitRef {
  id: string;
  key: string;
  kind: UnitKind;
  name: string;
  ref: Reference;
  loc: Reference;
  staff: StaffRef[];
  byGroup: Partial<Record<PersonnelGroup, StaffRef[]>>;
  covers: readonly string[];
  /** GP offices: the office's own laboratory. */
  lab?: Reference;
  /** Emergency clinic: treatment rooms. */
  rooms: Reference[];
  /** The street address, for patients who live in a nursing home. */
  address: Organization['address'];
}

export interface HospitalCtx {
  def: HospitalDef;
  ref: Reference;
  lab: Reference;
  rad: Reference;
  doctors: StaffRef[];
  radiologist: StaffRef;
}

export interface MuniCtx {
  def: MunicipalityDef;
  index: number;
  ref: Reference;
  units: UnitRef[];
  gpOffices: UnitRef[];
  /** All GPs of the municipality, office by office. */
  gps: StaffRef[];
  officeOfGp: Map<string, UnitRef>;
  ed: UnitRef;
  homeCare: UnitRef[];
  healthStation: UnitRef;
  nursingHome: UnitRef;
  physio: UnitRef;
  hospital: HospitalCtx;
  hoodWeights: readonly Neighbourhood[];
}

export interface World {
  munis: MuniCtx[];
  furst: Reference;
}

function groupOf(role: PractitionerRole): PersonnelGroup | null {
  for (const cc of role.code ?? []) {
    for (const c of cc.coding ?? []) if (c.system === CODE_SYSTEM.personnelGroup && c.code) return c.code as PersonnelGroup;
  }
  return null;
}

export function buildWorld(core: Pick<CoreResult, 'resources'>): World {
  const orgs = new Map<string, Organization>();
  const locs = new Map<string, Location>();
  const rolesByOrg = new Map<string, StaffRef[]>();
  for (const r of core.resources as FhirResource[]) {
    if (r.resourceType === 'Organization' && r.id) orgs.set(r.id, r);
    else if (r.resourceType === 'Location' && r.id) locs.set(r.id, r);
    else if (r.resourceType === 'PractitionerRole' && r.id) {
      const orgRef = r.organization?.reference ?? '';
      const practitionerId = (r.practitioner?.reference ?? '').replace('Practitioner/', '');
      const name = r.practitioner?.display ?? practitionerId;
      const roleRef = reference('PractitionerRole', r.id, name);
      const staff: StaffRef = {
        roleId: r.id,
        practitionerId,
        name,
        group: groupOf(r),
        ref: roleRef,
        refs: Object.freeze([roleRef]) as Reference[],
        participant: deepFreeze([{ individual: roleRef }]),
      };
      const list = rolesByOrg.get(orgRef);
      if (list) list.push(staff);
      else rolesByOrg.set(orgRef, [staff]);
    }
  }
  const org = (id: string): Organization => {
    const o = orgs.get(id);
    if (!o) throw new Error(`generateClinical: the core has no Organization/${id} (pass the result of generateCore)`);
    return o;
  };
  const orgRef = (id: string): Reference => reference('Organization', id, org(id).name);

  const hospitals = new Map<string, HospitalCtx>();
  for (const h of HOSPITALS) {
    const doctors = rolesByOrg.get(`Organization/org-${h.key}`) ?? [];
    const radiologist = (rolesByOrg.get(`Organization/org-${h.key}-rad`) ?? [])[0];
    if (doctors.length === 0 || !radiologist) throw new Error(`generateClinical: no hospital staff for ${h.name}`);
    hospitals.set(h.key, { def: h, ref: orgRef(`org-${h.key}`), lab: orgRef(`org-${h.key}-lab`), rad: orgRef(`org-${h.key}-rad`), doctors, radiologist });
  }

  const munis: MuniCtx[] = MUNICIPALITIES.map((def, index) => {
    const units: UnitRef[] = def.units.map((u) => {
      const id = orgId(def.code, u.key);
      const o = org(id);
      const lid = locationId(def.code, u.key);
      const loc = locs.get(lid);
      if (!loc) throw new Error(`generateClinical: the core has no Location/${lid}`);
      const staff = rolesByOrg.get(`Organization/${id}`) ?? [];
      const byGroup: Partial<Record<PersonnelGroup, StaffRef[]>> = {};
      for (const s of staff) {
        if (!s.group) continue;
        (byGroup[s.group] ??= []).push(s);
      }
      const unit: UnitRef = {
        id,
        key: u.key,
        kind: u.kind,
        name: u.name,
        ref: orgRef(id),
        loc: reference('Location', lid, loc.name),
        staff,
        byGroup,
        covers: u.covers ?? [],
        rooms: [],
        address: o.address,
      };
      if (u.kind === 'gp-office') unit.lab = orgRef(officeLabId(def.code, u.key));
      if (u.kind === 'emergency-clinic') {
        for (let r = 1; r <= 6; r++) {
          const rid = `${lid}-room-${r}`;
          const room = locs.get(rid);
          if (room) unit.rooms.push(reference('Location', rid, room.name));
        }
      }
      return unit;
    });
    const one = (kind: UnitKind): UnitRef => {
      const u = units.find((x) => x.kind === kind);
      if (!u) throw new Error(`generateClinical: no ${kind} in ${def.name}`);
      return u;
    };
    const gpOffices = units.filter((u) => u.kind === 'gp-office');
    const gps: StaffRef[] = [];
    const officeOfGp = new Map<string, UnitRef>();
    for (const office of gpOffices) {
      for (const gp of office.byGroup.gp ?? []) {
        gps.push(gp);
        officeOfGp.set(gp.roleId, office);
      }
    }
    const hospital = hospitals.get(def.hospital);
    if (!hospital) throw new Error(`generateClinical: no hospital ${def.hospital}`);
    return {
      def,
      index,
      ref: orgRef(orgId(def.code)),
      units,
      gpOffices,
      gps,
      officeOfGp,
      ed: one('emergency-clinic'),
      homeCare: units.filter((u) => u.kind === 'home-care-district'),
      healthStation: one('health-station'),
      nursingHome: one('nursing-home'),
      physio: one('physio-clinic'),
      hospital,
      hoodWeights: def.neighbourhoods,
    };
  });
  return { munis, furst: orgRef(`org-${PRIVATE_LAB.key}`) };
}

/** The staff of a unit in a group (never empty for the groups the places table staffs). */
export function staffOf(unit: UnitRef, group: PersonnelGroup): StaffRef[] {
  const s = unit.byGroup[group];
  if (!s || s.length === 0) throw new Error(`No ${group} at ${unit.name}`);
  return s;
}

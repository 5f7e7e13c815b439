import type { Address, Reference } from 'fhir/r4';
import { makeSyntheticFnr } from '../../src/domain/nationalId';
import { municipalityAddress } from './core';
import { deepFreeze, pad, reference } from './fhir';
import { NORTHERN_FAMILY_NAMES, ORIGINS, norwegianGivenPool, type Origin, type Sex } from './names';
import type { Neighbourhood } from './places';
import { Rng, STREAM, deriveSeed } from './random';
import { DAY, YEAR, date, osloDay, osloTime, type Clock } from './time';
import type { MuniCtx, StaffRef, UnitRef, World } from './world';

/**
 * Pass 1: who the patients are. Each patient's demographics come from its own stream
 * (seed, index), so adding patients never changes the ones before. Children 0–5 are linked to
 * parents among the patients before them (same municipality), so siblings share parents.
 */

export interface Person {
  index: number;
  id: string;
  ref: Reference;
  muni: MuniCtx;
  hood: Neighbourhood;
  /** Set for the ≈3 % who moved here: their older history sits in the previous municipality. */
  prev?: { muni: MuniCtx; gp: StaffRef; office: UnitRef; moveMs: number; address: Address };
  sex: Sex;
  birthDate: string;
  birthMs: number;
  /** Age in years (fractional) at "now". */
  age: number;
  origin: Origin;
  given: string[];
  family: string;
  fnr: string;
  phone: string;
  address: Address;
  gp: StaffRef;
  office: UnitRef;
  heavy: boolean;
  mother?: Person;
  father?: Person;
  /** Family (household) of a parent: surname chosen for the children, and the children so far. */
  household?: Household;
  /** The household a child belongs to. */
  childOf?: Household;
  /** Filled by the history pass: chronic condition keys, for today's appointment reasons. */
  chronicKeys?: string[];
  /** Filled by the history pass: lives in a nursing home. */
  nursingHome?: boolean;
}

export interface Household {
  mother: Person;
  father?: Person;
  surname: string;
  origin: Origin;
  children: Person[];
}

/** Age bands [min, max) in years with their share of the population (≈ Norway, with 8 % aged 0–5 and 15 % aged 80+). */
const AGE_BANDS: ReadonlyArray<readonly [number, number, number]> = [
  [0, 6, 8],
  [6, 13, 7],
  [13, 18, 5],
  [18, 30, 14],
  [30, 45, 18],
  [45, 60, 17],
  [60, 70, 9],
  [70, 80, 7],
  [80, 90, 11],
  [90, 101, 4],
];

export const HEAVY_DEFAULT = 5;

export function patientId(index: number): string {
  return `pat-${pad(index + 1, 5)}`;
}

export function fullName(p: { given: readonly string[]; family: string }): string {
  return `${p.given.join(' ')} ${p.family}`;
}

function mobile(rng: Rng): string {
  return `${rng.chance(0.5) ? 4 : 9}${pad(rng.int(10_000_000), 7)}`;
}

interface Candidates {
  women: Person[];
  men: Person[];
  households: Household[];
  fathers: Set<Person>;
}

export class Population {
  readonly persons: Person[] = [];
  private readonly fnrs = new Set<string>();
  private readonly candidates: Candidates[];

  constructor(
    private readonly world: World,
    private readonly clock: Clock,
    private readonly seed: number,
    private readonly heavyCount: number,
  ) {
    this.candidates = world.munis.map(() => ({ women: [], men: [], households: [], fathers: new Set() }));
  }

  add(index: number): Person {
    const rng = new Rng(deriveSeed(this.seed, STREAM.demographics, index));
    const heavy = index < this.heavyCount;
    const muni = heavy ? this.world.munis[0] : rng.weighted(this.world.munis, (m) => m.def.share);
    if (!muni) throw new Error('No municipalities');
    const sex: Sex = rng.chance(0.5) ? 'female' : 'male';
    let ageYears: number;
    if (heavy) ageYears = rng.real(75, 92);
    else {
      const band = rng.weighted(AGE_BANDS, (b) => b[2]);
      ageYears = rng.real(band[0], band[1]);
    }
    // Never born in the last day; birth at a plausible hour.
    const birthMs = Math.min(this.clock.now - DAY, this.clock.now - ageYears * YEAR);
    const bd = osloDay(birthMs);
    const birthTime = osloTime(bd.y, bd.m, bd.d, rng.range(0, 23), rng.range(0, 59));
    const birthDate = date(birthTime);
    const age = (this.clock.now - birthTime) / YEAR;

    let origin: Origin = rng.weighted(ORIGINS, (o) => o.share);
    if (heavy) origin = ORIGINS[0] as Origin;
    const hood = rng.weighted(muni.def.neighbourhoods, (n) => n.weight);
    const address = this.address(rng, muni, hood);
    const gp = rng.pick(muni.gps);
    const office = muni.officeOfGp.get(gp.roleId);
    if (!office) throw new Error(`No office for ${gp.roleId}`);

    const id = patientId(index);
    const person: Person = {
      index,
      id,
      ref: reference('Patient', id), // display set below when the name is known
      muni,
      hood,
      sex,
      birthDate,
      birthMs: birthTime,
      age,
      origin,
      given: [],
      family: '',
      fnr: '',
      phone: mobile(rng),
      address,
      gp,
      office,
      heavy,
    };

    // Children 0–5: find parents among the patients before them.
    if (age < 6) this.linkParents(person, index);
    this.name(person, rng);
    person.ref = reference('Patient', id, fullName(person));
    person.fnr = this.fnr(birthDate, sex, rng);

    // ≈3 % of adults moved here from another of the municipalities.
    if (!heavy && age >= 20 && !person.mother && this.world.munis.length > 1 && rng.chance(0.03)) {
      const others = this.world.munis.filter((m) => m !== muni);
      const prevMuni = rng.pick(others);
      const prevGp = rng.pick(prevMuni.gps);
      const prevOffice = prevMuni.officeOfGp.get(prevGp.roleId);
      if (prevOffice) {
        const moveMs = this.clock.now - rng.real(0.5, 4.5) * YEAR;
        const prevHood = rng.pick(prevMuni.def.neighbourhoods);
        const prevAddress = this.address(rng, prevMuni, prevHood, 'old', moveMs);
        person.prev = { muni: prevMuni, gp: prevGp, office: prevOffice, moveMs, address: prevAddress };
        person.address = deepFreeze({ ...person.address, period: { start: date(moveMs) } });
      }
    }

    if (age >= 18 && age < 60 && !heavy) {
      const c = this.candidates[muni.index];
      if (c) (sex === 'female' ? c.women : c.men).push(person);
    }
    this.persons.push(person);
    return person;
  }

  private address(rng: Rng, muni: MuniCtx, hood: Neighbourhood, use: Address['use'] = 'home', endMs?: number): Address {
    const street = rng.pick(hood.streets);
    const number = rng.range(1, 120);
    const letter = rng.chance(0.12) ? rng.pick(['A', 'B', 'C']) : '';
    const a = municipalityAddress(`${street} ${number}${letter}`, rng.pick(hood.postalCodes), hood.town, muni.def.name, muni.def.code, use);
    if (endMs !== undefined) a.period = { end: date(endMs) };
    return deepFreeze(a);
  }

  private name(p: Person, rng: Rng): void {
    const year = Number(p.birthDate.slice(0, 4));
    const origin = p.childOf?.origin ?? p.origin;
    p.origin = origin;
    const pool = origin.key === 'no' ? norwegianGivenPool(year, rng.next()) : origin.given;
    const first = rng.pick(pool[p.sex]);
    p.given = [first];
    if (origin.key === 'no' && rng.chance(0.15)) {
      const second = rng.pick(pool[p.sex]);
      if (second !== first) p.given.push(second);
    }
    if (p.childOf) p.family = p.childOf.surname;
    else if (origin.key === 'no' && p.muni.def.code === '5501' && rng.chance(0.12)) p.family = rng.pick(NORTHERN_FAMILY_NAMES);
    else p.family = rng.pick(origin.family);
  }

  private fnr(birthDate: string, sex: Sex, rng: Rng): string {
    for (;;) {
      const v = makeSyntheticFnr(birthDate, sex, rng.randomInt);
      if (!this.fnrs.has(v)) {
        this.fnrs.add(v);
        return v;
      }
    }
  }

  /** Joins an existing household (a sibling) or starts one with an earlier woman (and man). */
  private linkParents(child: Person, index: number): void {
    const rng = new Rng(deriveSeed(this.seed, STREAM.family, index));
    const c = this.candidates[child.muni.index];
    if (!c) return;
    const ageAt = (p: Person): number => (child.birthMs - p.birthMs) / YEAR;
    const gapOk = (h: Household): boolean => h.children.every((s) => Math.abs(s.birthMs - child.birthMs) > 300 * DAY);

    let household: Household | undefined;
    if (c.households.length > 0 && rng.chance(0.3)) {
      const start = rng.int(c.households.length);
      for (let k = 0; k < Math.min(c.households.length, 200); k++) {
        const h = c.households[(start + k) % c.households.length] as Household;
        const a = ageAt(h.mother);
        if (a >= 20 && a <= 44 && gapOk(h)) {
          household = h;
          break;
        }
      }
    }
    if (!household && c.women.length > 0) {
      const start = rng.int(c.women.length);
      for (let k = 0; k < Math.min(c.women.length, 400); k++) {
        const w = c.women[(start + k) % c.women.length] as Person;
        const a = ageAt(w);
        if (a < 20 || a > 44) continue;
        if (w.household) {
          if (gapOk(w.household)) household = w.household;
          else continue;
        } else {
          let father: Person | undefined;
          if (c.men.length > 0 && rng.chance(0.9)) {
            const fs = rng.int(c.men.length);
            for (let j = 0; j < Math.min(c.men.length, 400); j++) {
              const m = c.men[(fs + j) % c.men.length] as Person;
              const fa = ageAt(m);
              if (fa >= 21 && fa <= 55 && !c.fathers.has(m)) {
                father = m;
                break;
              }
            }
          }
          const surname = father && rng.chance(0.5) ? father.family : w.family;
          household = { mother: w, surname, origin: w.origin, children: [] };
          if (father) {
            household.father = father;
            c.fathers.add(father);
            father.household = household;
          }
          w.household = household;
          c.households.push(household);
        }
        break;
      }
    }
    if (!household) return;
    household.children.push(child);
    child.childOf = household;
    child.mother = household.mother;
    if (household.father) child.father = household.father;
    // The child lives with its mother and usually shares her GP.
    child.hood = household.mother.hood;
    child.address = household.mother.address;
    if (rng.chance(0.7)) {
      child.gp = household.mother.gp;
      child.office = household.mother.office;
    }
  }
}

/** Names of a household member for Patient.contact / RelatedPerson. */
export function humanName(p: Person): { use: 'official'; text: string; family: string; given: string[] } {
  return { use: 'official', text: fullName(p), family: p.family, given: p.given };
}

import type { Appointment, Condition, Encounter, FhirResource, MedicationStatement, Patient, Reference, RelatedPerson } from 'fhir/r4';
import { IDENTIFIER } from '../../src/domain/codeSystems';
import { childHealth, homeCare, nursingHome, physioSeries } from './care';
import {
  ACUTE,
  CHRONIC,
  HOSPITAL_DX,
  band4,
  band6,
  type AcuteDef,
  type ChronicDef,
  type HospitalDxDef,
  type VisitText,
  type VitalSet,
} from './conditions';
import { V2_0131, V3_ROLE_CODE, concept, deepFreeze, nb, ref } from './fhir';
import { humanName, type Person } from './population';
import { Rng, STREAM, deriveSeed } from './random';
import {
  ALLERGIES,
  ALLERGY_ACTIVE,
  ALLERGY_CERTAINTY,
  ALLERGY_INACTIVE,
  CRITICAL_CATEGORY,
  FLAGS,
  LABS,
  MANIFESTATION,
  PANELS,
  med,
  type Certainty,
  type FlagDef,
  type LabDef,
  type PanelKey,
} from './terminology';
import { DISCHARGE, HOSPITAL_CONTROL, SPECIALIST, documentText, type DocSection } from './texts';
import { DAY, HOUR, MINUTE, YEAR, date, dateTime, osloClock, osloDay, type Clock } from './time';
import { PatientWriter, section, sharedSection, type VitalKind, type Vitals, type VitalsDone } from './writer';
import { staffOf, type MuniCtx, type StaffRef, type UnitRef, type World } from './world';

/**
 * Pass 2: one patient's history over the five years before "now", from the patient's own
 * stream (seed, index). What happens follows the patient's age, diagnoses and care relations:
 * GP consultations and controls with vital signs and laboratory results, acute illness at the
 * GP office, the emergency clinic or by phone, hospital stays with radiology, medicines linked
 * to diagnoses, critical information, and the care services (home care, nursing home,
 * physiotherapy, health station).
 */

export interface HistoryContext {
  world: World;
  clock: Clock;
  seed: number;
  windowStart: number;
}

const MOTHER = deepFreeze([concept(V2_0131, 'N', 'Next-of-Kin', 'Nærmeste pårørende'), concept(V3_ROLE_CODE, 'MTH', 'mother', 'Mor')]);
const FATHER = deepFreeze([concept(V2_0131, 'N', 'Next-of-Kin', 'Nærmeste pårørende'), concept(V3_ROLE_CODE, 'FTH', 'father', 'Far')]);
const MOTHER_ROLE = deepFreeze([concept(V3_ROLE_CODE, 'MTH', 'mother', 'Mor')]);
const FATHER_ROLE = deepFreeze([concept(V3_ROLE_CODE, 'FTH', 'father', 'Far')]);

/**
 * Acute episodes are recorded at 30 % of the rates in conditions.ts (the rates there are
 * consultation rates; only some illnesses lead to a recorded contact in this data set): enough illness to make each
 * history believable, while keeping the data set at ≈ 35 resources per patient.
 */
const ACUTE_SCALE = 0.3;

/**
 * Documents (epikriser, henvisninger, letters) are drawn from a sub-stream of the patient's
 * history stream (seed, history, index, 1): a stream of their own, so adding or changing
 * documents never changes what the history stream gives the other resources.
 */
const DOCUMENT_SUBSTREAM = 1;

/** Chance that the GP refers a new chronic diagnosis (SPECIALIST key) to a hospital outpatient clinic. */
const SPECIALIST_REFERRAL_CHANCE = 0.4;

const TRIAGE_TEXT: Record<string, string> = {
  Rød: 'Rød – livstruende, umiddelbar vurdering',
  Oransje: 'Oransje – svært hastende, vurdering innen 10 minutter',
  Gul: 'Gul – hastende, vurdering innen 60 minutter',
  Grønn: 'Grønn – standard, vurdering innen 120 minutter',
  Blå: 'Blå – ikke hastende, vurdering innen 240 minutter',
};

const PHONE_REASONS: ReadonlyArray<readonly [string, string]> = [
  ['Ønsker fornyelse av faste resepter.', 'Resepter fornyet for ett år. Kontrolltime avtales innen 6 måneder.'],
  ['Spør om svar på blodprøvene.', 'Informert om at prøvesvarene er fine. Ingen endring i behandlingen.'],
  ['Spør om bivirkninger av ny medisin.', 'Forventede, forbigående bivirkninger. Ny kontakt hvis plagene vedvarer.'],
  ['Pårørende ringer, bekymret for forverring.', 'Avtalt time hos fastlegen i morgen.'],
  ['Trenger attest til arbeidsgiver.', 'Time avtalt for attest.'],
];

export interface ChronicState {
  def: ChronicDef;
  ref: Reference;
  recorded: number;
  onset: number;
  lastControl: number;
}

export class History {
  readonly w: PatientWriter;
  readonly p: Person;
  readonly rng: Rng;
  readonly clock: Clock;
  readonly ctx: HistoryContext;
  readonly start: number;
  readonly chronic = new Map<string, ChronicState>();
  readonly meds = new Set<string>();
  readonly base: Vitals;
  private readonly labZ = new Map<string, number>();
  private acuteCrp: number | undefined;
  physioDone = false;
  inNursingHome = false;
  hasHomeCare = false;
  /** The documents' own stream (see DOCUMENT_SUBSTREAM). */
  private readonly docRng: Rng;
  /** Where this patient's resources start in `out`. */
  private readonly firstOut: number;

  constructor(ctx: HistoryContext, person: Person, out: FhirResource[]) {
    this.ctx = ctx;
    this.p = person;
    this.clock = ctx.clock;
    this.rng = new Rng(deriveSeed(ctx.seed, STREAM.history, person.index));
    this.docRng = new Rng(deriveSeed(ctx.seed, STREAM.history, person.index, DOCUMENT_SUBSTREAM));
    this.firstOut = out.length;
    this.w = new PatientWriter(ctx.world, ctx.clock, person, this.rng, out);
    this.start = Math.max(ctx.windowStart, person.birthMs);
    this.base = this.baseline();
  }

  get age(): number {
    return this.p.age;
  }

  ageAt(t: number): number {
    return (t - this.p.birthMs) / YEAR;
  }

  run(): void {
    this.chooseChronic();
    this.decideCare();
    this.patient();
    this.criticalInfo();
    for (const s of this.chronic.values()) this.chronicCourse(s);
    this.chronicControls();
    for (const s of this.chronic.values()) this.chronicMedicines(s);
    this.acuteEpisodes();
    this.hospitalEvents();
    this.phoneContacts();
    this.physio();
    if (this.inNursingHome) nursingHome(this);
    else if (this.hasHomeCare) homeCare(this);
    if (this.age < 6) childHealth(this);
    this.recentLabs();
    this.documents();
    this.p.chronicKeys = [...this.chronic.keys()];
    this.p.nursingHome = this.inNursingHome;
  }

  // -------------------------------------------------------------------------------------------
  // Who the patient is

  private baseline(): Vitals {
    const r = this.rng;
    const a = this.age;
    const male = this.p.sex === 'male';
    let weight: number;
    if (a >= 18) {
      const h = male ? r.gauss(180, 7) / 100 : r.gauss(167, 6) / 100;
      weight = Math.max(17.5, r.gauss(a > 75 ? 25.5 : 26, 3.8)) * h * h;
    } else {
      weight = a < 1 ? 3.5 + a * 6 : Math.min(70, 8 + a * 3 + (a > 12 ? (a - 12) * 3 : 0)) * r.real(0.85, 1.2);
    }
    const ageFactor = Math.max(0, a - 25);
    return {
      sys: a < 14 ? r.gauss(105, 8) : 114 + 0.45 * ageFactor + r.gauss(0, 8),
      dia: a < 14 ? r.gauss(65, 6) : Math.min(92, 71 + 0.12 * ageFactor + r.gauss(0, 5)),
      hr: a < 1 ? r.gauss(130, 10) : a < 6 ? r.gauss(105, 10) : a < 14 ? r.gauss(88, 8) : r.gauss(71, 8),
      spo2: r.real(96.5, 99.4),
      temp: r.gauss(36.8, 0.2),
      rr: a < 1 ? r.range(30, 45) : a < 6 ? r.range(22, 30) : a < 14 ? r.range(16, 22) : r.range(12, 17),
      weight,
    };
  }

  private chooseChronic(): void {
    const a = this.age;
    const forced = this.p.heavy ? new Set(['K86', 'T90', 'K78', 'K77', 'R95', 'L90']) : undefined;
    for (const def of CHRONIC) {
      if (a < def.minAge) continue;
      const sex = def.sex ? def.sex[this.p.sex] : 1;
      const chosen = forced?.has(def.key) || this.rng.chance((def.prevalence[band6(a)] ?? 0) * sex);
      if (!chosen) continue;
      const earliest = Math.max(this.p.birthMs + def.minAge * YEAR, this.clock.now - 15 * YEAR);
      const onset = forced ? Math.max(earliest, this.ctx.windowStart - this.rng.real(0.5, 6) * YEAR) : this.w.between(earliest, this.clock.now - 20 * DAY);
      this.chronic.set(def.key, { def, ref: { reference: '' }, recorded: onset, onset, lastControl: 0 });
    }
    // Physiology follows the diagnoses.
    const has = (k: string): boolean => this.chronic.has(k);
    if (has('K86')) {
      this.base.sys += 10;
      this.base.dia += 5;
    }
    if (has('K78')) this.base.hr += 8;
    if (has('R95')) {
      this.base.spo2 = this.rng.real(92.5, 95.5);
      this.base.rr += 3;
    }
    if (has('T82')) this.base.weight *= 1.3;
    if (has('K77')) this.base.weight *= 1.08;
  }

  private decideCare(): void {
    const a = this.age;
    if (a >= 85 && !this.p.heavy && this.rng.chance(0.02)) {
      this.inNursingHome = true;
      return;
    }
    if (this.p.heavy) {
      this.hasHomeCare = true;
      return;
    }
    if (a < 18) return;
    const p = a < 67 ? 0.004 : a < 80 ? 0.055 : a < 90 ? 0.15 : 0.26;
    const boost = this.chronic.has('P70') || this.chronic.has('K77') ? 1.8 : 1;
    this.hasHomeCare = this.rng.chance(p * boost);
  }

  private patient(): void {
    const p = this.p;
    const lastUpdated = dateTime(this.clock.now - this.rng.range(1, 700) * DAY - this.rng.int(600) * MINUTE);
    const res: Patient = {
      resourceType: 'Patient',
      id: p.id,
      meta: { versionId: '1', lastUpdated },
      identifier: [{ use: 'official', system: IDENTIFIER.fnr, value: p.fnr }],
      active: true,
      name: [humanName(p)],
      gender: p.sex,
      birthDate: p.birthDate,
      generalPractitioner: [p.gp.ref],
      managingOrganization: p.office.ref,
    };
    if (this.age >= 12) res.telecom = [{ system: 'phone', value: p.phone, use: 'mobile' }];
    const nhAddress = this.inNursingHome ? p.muni.nursingHome.address?.[0] : undefined;
    if (nhAddress) res.address = [{ ...nhAddress, use: 'home' }];
    else res.address = p.prev ? [p.address, p.prev.address] : [p.address];
    const contacts: NonNullable<Patient['contact']> = [];
    for (const [parent, rel] of [
      [p.mother, MOTHER],
      [p.father, FATHER],
    ] as const) {
      if (!parent) continue;
      contacts.push({ relationship: rel, name: humanName(parent), telecom: [{ system: 'phone', value: parent.phone, use: 'mobile' }], gender: parent.sex });
    }
    if (contacts.length > 0) res.contact = contacts;
    this.w.out.push(res);

    // Parents who are themselves patients: a RelatedPerson each (same parents for siblings).
    let n = 0;
    for (const [parent, role] of [
      [p.mother, MOTHER_ROLE],
      [p.father, FATHER_ROLE],
    ] as const) {
      if (!parent) continue;
      n++;
      const rp: RelatedPerson = {
        resourceType: 'RelatedPerson',
        id: `rp-${p.id.slice(4)}-${n}`,
        meta: { versionId: '1', lastUpdated },
        identifier: [{ use: 'official', system: IDENTIFIER.fnr, value: parent.fnr }],
        active: true,
        patient: p.ref,
        relationship: role,
        name: [humanName(parent)],
        telecom: [{ system: 'phone', value: parent.phone, use: 'mobile' }],
        gender: parent.sex,
        birthDate: parent.birthDate,
        address: [parent.address],
      };
      this.w.out.push(rp);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Critical information

  private criticalInfo(): void {
    const a = this.age;
    const allergyChance = this.p.heavy ? 1 : a < 6 ? 0.04 : a < 18 ? 0.06 : 0.07;
    if (this.rng.chance(allergyChance)) {
      const first = this.allergy();
      if (this.rng.chance(0.15)) this.allergy(first);
    }
    let flagChance = 0.03;
    if (a >= 80) flagChance += 0.05;
    if (this.chronic.has('K78') || this.chronic.has('K77')) flagChance += 0.04;
    if (this.inNursingHome) flagChance += 0.55;
    if (this.p.heavy) flagChance = 1;
    if (this.rng.chance(flagChance)) {
      const eligible = FLAGS.filter((f) => a >= f.minAge && (!f.requires || f.requires.some((k) => this.chronic.has(k))));
      if (eligible.length > 0) {
        const weight = (f: FlagDef): number => f.weight * (f.requires ? 3 : 1) * (this.inNursingHome && f.category === 'treatment-routine-change' ? 10 : 1);
        const def = this.rng.weighted(eligible, weight);
        const start = this.w.officeTime(this.w.between(Math.max(this.p.birthMs + 30 * DAY, this.clock.now - 8 * YEAR), this.clock.now - 5 * DAY));
        this.w.flag({ category: CRITICAL_CATEGORY[def.category], code: def.code, start, author: this.w.at(start).gp });
      }
    }
  }

  private allergy(not?: string): string {
    const child = this.age < 18;
    const def = this.rng.weighted(ALLERGIES, (d) => (d.key === not ? 0 : d.weight * (child ? (d.category === 'food' ? 3 : d.category === 'medication' ? 0.5 : 1) : 1)));
    const certainty: Certainty = this.rng.weighted(['Bekreftet', 'Sannsynlig', 'Mistenkt', 'Avkreftet'] as const, (c) => (c === 'Bekreftet' ? 55 : c === 'Avkreftet' ? 5 : 20));
    const severe = certainty !== 'Avkreftet' && this.rng.chance(def.severeShare);
    const recordedMs = this.w.officeTime(this.w.between(Math.max(this.p.birthMs + 120 * DAY, this.clock.now - 15 * YEAR), this.clock.now - 10 * DAY));
    const recordedDate = dateTime(recordedMs);
    const onset = this.w.between(Math.max(this.p.birthMs + 60 * DAY, recordedMs - 3 * YEAR), recordedMs - DAY);
    this.w.allergy({
      clinicalStatus: certainty === 'Avkreftet' ? ALLERGY_INACTIVE : ALLERGY_ACTIVE,
      verificationStatus: ALLERGY_CERTAINTY[certainty],
      type: def.type,
      category: [def.category],
      criticality: severe ? 'high' : 'low',
      code: def.code,
      onsetDateTime: date(Math.max(onset, this.p.birthMs)),
      recordedDate,
      recorder: this.w.at(recordedMs).gp.ref,
      reaction: [{ manifestation: severe ? MANIFESTATION[def.severe] : MANIFESTATION[def.mild], severity: severe ? 'severe' : this.rng.chance(0.6) ? 'mild' : 'moderate' }],
    });
    return def.key;
  }

  // -------------------------------------------------------------------------------------------
  // Helpers for visits

  vitalsFor(set: VitalSet, adult = this.age >= 14): VitalKind[] {
    switch (set) {
      case 'bp':
        return ['bp', 'hr'];
      case 'weight':
        return adult ? ['weight', 'bp'] : ['weight'];
      case 'resp':
        return ['spo2', 'rr'];
      case 'infection':
        return adult ? ['temp', 'spo2'] : ['temp'];
      default:
        return [];
    }
  }

  /** Today's vital signs: the patient's baseline with noise (and illness). */
  sample(ill: 'none' | 'fever' | 'sick' = 'none'): Vitals {
    const r = this.rng;
    const b = this.base;
    const v: Vitals = {
      sys: b.sys + r.gauss(0, 7),
      dia: b.dia + r.gauss(0, 5),
      hr: b.hr + r.gauss(0, 6),
      spo2: Math.min(100, b.spo2 + r.gauss(0, 0.8)),
      temp: b.temp + r.gauss(0, 0.25),
      rr: b.rr + r.gauss(0, 1.5),
      weight: b.weight * (1 + r.gauss(0, 0.012)),
    };
    if (ill === 'fever') {
      v.temp = r.real(37.8, 39.4);
      v.hr += r.range(8, 20);
    } else if (ill === 'sick') {
      v.temp = r.real(38.2, 39.8);
      v.hr += r.range(15, 30);
      v.rr += r.range(4, 9);
      v.spo2 -= r.real(2, 6);
      v.sys -= r.range(0, 20);
    }
    return v;
  }

  fill(template: string, done: VitalsDone, labs: Record<string, string> = {}): string {
    if (!template.includes('{')) return template;
    const est = (k: string): string => {
      if (k === 'hba1c') return labs.hba1c ?? String(Math.round(this.labValue(LABS.hba1c as LabDef, false)));
      if (k === 'crp') return labs.crp ?? String(Math.round(this.acuteCrp ?? 3));
      return '';
    };
    return template.replace(/\{(\w+)\}/g, (_m, k: string) => {
      const v = (done as unknown as Record<string, string | number | undefined>)[k];
      if (v !== undefined && typeof v !== 'object') return String(v);
      if (k === 'hba1c' || k === 'crp') return est(k);
      const b = this.base;
      if (k === 'bp') return `${Math.round(b.sys)}/${Math.round(b.dia)}`;
      if (k === 'hr') return String(Math.round(b.hr));
      if (k === 'weight') return String(Math.round(b.weight));
      if (k === 'spo2') return String(Math.round(b.spo2));
      if (k === 'temp') return String(Math.round(b.temp * 10) / 10).replace('.', ',');
      if (k === 'rr') return String(Math.round(b.rr));
      return '';
    });
  }

  gpAt(t: number): { muni: MuniCtx; who: StaffRef; office: UnitRef } {
    const { muni, gp, office } = this.w.at(t);
    let who = gp;
    if (this.rng.chance(0.15)) {
      const colleagues = (office.byGroup.gp ?? []).filter((g) => g !== gp);
      if (colleagues.length > 0) who = this.rng.pick(colleagues);
    }
    return { muni, who, office };
  }

  labPerformer(panel: PanelKey, t: number): Reference {
    const { muni, office } = this.w.at(t);
    if (PANELS[panel].office && office.lab) return office.lab;
    return this.rng.chance(0.55) ? muni.hospital.lab : this.ctx.world.furst;
  }

  /** One GP consultation with vital signs, maybe laboratory tests and a note. */
  gpVisit(o: {
    t: number;
    text: VisitText;
    vitals: VitalSet;
    ill?: 'none' | 'fever' | 'sick';
    panel?: PanelKey;
    first?: boolean;
    appointment?: boolean;
    abnormal?: boolean;
  }): { enc: Reference; who: StaffRef } {
    const { who, office } = this.gpAt(o.t);
    const minutes = this.rng.pick([15, 20, 20, 30]);
    let apptRef: Reference | undefined;
    if (o.appointment) {
      apptRef = this.w.appointment({
        status: 'fulfilled',
        service: 'gp',
        start: o.t,
        minutes,
        who,
        location: office.loc,
        description: o.text.reason,
        created: o.t - this.rng.range(2, 30) * DAY,
      });
    }
    const enc = this.w.encounter({
      cls: 'AMB',
      service: 'gp',
      start: o.t,
      end: o.t + minutes * MINUTE,
      participants: [who],
      provider: office.ref,
      reason: o.text.reason,
      location: office.loc,
      appointment: apptRef,
    });
    const kinds = this.vitalsFor(o.vitals);
    const done = kinds.length > 0 ? this.w.vitals(kinds, this.sample(o.ill ?? 'none'), o.t + 5 * MINUTE, enc, who) : { refs: [] };
    let labText: Record<string, string> = {};
    if (o.panel) {
      const panel = o.panel;
      const values = o.abnormal ? this.abnormalValues(panel) : {};
      labText = this.w.labs(
        {
          panel,
          t: o.t + 10 * MINUTE,
          encounter: enc,
          performer: this.labPerformer(panel, o.t),
          values,
          hours: PANELS[panel].office ? 0.25 : this.rng.range(4, 30),
          unseenChance: { normal: 0.3, abnormal: 0.75 },
        },
        (lab) => this.labValue(lab, o.first === true),
      ).text;
    }
    const template = this.rng.pick(o.text.findings);
    const findings = this.fill(template, done, labText);
    this.w.note({
      type: 'consultation',
      t: o.t + minutes * MINUTE,
      author: who,
      custodian: office.ref,
      encounter: enc,
      title: o.text.reason,
      sections: this.w.consultationSections(o.text.reason, findings, o.text.assessment, this.rng.pick(o.text.plan), findings === template),
    });
    return { enc, who };
  }

  /** An emergency clinic visit: triage by a nurse, assessment by a doctor. */
  edVisit(o: { t: number; reason: string; findings: string; assessment: string; plan: string; triage: string; ill: 'none' | 'fever' | 'sick' }): { enc: Reference; doctor: StaffRef; end: number; muni: MuniCtx } {
    const { muni } = this.w.at(o.t);
    const ed = muni.ed;
    const nurse = this.rng.pick(staffOf(ed, 'ed-nurse'));
    const doctor = this.rng.pick(staffOf(ed, 'ed-doctor'));
    const end = o.t + this.rng.range(40, 180) * MINUTE;
    const room = ed.rooms.length > 0 ? this.rng.pick(ed.rooms) : ed.loc;
    const enc = this.w.encounter({ cls: 'EMER', service: 'emergency', start: o.t, end, participants: [nurse, doctor], provider: ed.ref, reason: o.reason, location: room });
    const done = this.w.vitals(['rr', 'spo2', 'bp', 'hr', 'temp'], this.sample(o.ill), o.t + 6 * MINUTE, enc, nurse, true);
    const triageText = TRIAGE_TEXT[o.triage] ?? o.triage;
    this.w.note({
      type: 'triage-note',
      t: o.t + 10 * MINUTE,
      author: nurse,
      custodian: ed.ref,
      encounter: enc,
      title: `Triage: ${o.triage}`,
      sections: [
        sharedSection('Hastegrad', triageText),
        sharedSection('Problemstilling', o.reason),
        section('Vitale parametere', `RF ${done.rr}, SpO2 ${done.spo2} %, BT ${done.bp}, puls ${done.hr}, temp ${done.temp} °C. NEWS2 ${done.news2 ?? 0}.`),
      ],
    });
    this.w.note({
      type: 'emergency-note',
      t: end,
      author: doctor,
      custodian: ed.ref,
      encounter: enc,
      title: o.reason,
      sections: this.w.consultationSections(o.reason, this.fill(o.findings, done), o.assessment, o.plan, !o.findings.includes('{')),
    });
    return { enc, doctor, end, muni };
  }

  // -------------------------------------------------------------------------------------------
  // Laboratory values

  private z(key: string): number {
    let z = this.labZ.get(key);
    if (z === undefined) {
      z = Math.max(-2.2, Math.min(2.2, this.rng.normal()));
      this.labZ.set(key, z);
    }
    return z;
  }

  labValue(lab: LabDef, first: boolean): number {
    const [m, sd] = lab.normal[this.p.sex];
    const e = this.z(lab.key) * 0.7 + this.rng.normal() * 0.4;
    const has = (k: string): boolean => this.chronic.has(k);
    const a = this.age;
    switch (lab.key) {
      case 'hba1c':
        if (has('T89')) return 60 + 8 * e;
        if (has('T90')) return (first ? 62 : 52) + 6 * e;
        return m + (a > 60 ? 2 : 0) + sd * e;
      case 'glucose':
        return has('T89') || has('T90') ? 8.5 + 1.8 * e : m + sd * e;
      case 'creatinine':
        return m + sd * e + (a > 75 ? 15 : 0) + (has('K77') ? 20 : 0);
      case 'potassium':
        return m + sd * e - (this.meds.has('furosemid') ? 0.25 : 0);
      case 'tsh':
        if (has('T86')) return first ? 7 + 2 * Math.abs(e) : 2.2 + 1.1 * e;
        return Math.max(0.5, m + sd * e);
      case 'ft4':
        return has('T86') && first ? 10 + e : m + sd * e;
      case 'ldl':
        if (has('T93') || has('K74') || has('K90')) return first ? 4.9 + 0.5 * e : 2.6 + 0.5 * e;
        return m + (a > 50 ? 0.3 : 0) + sd * e;
      case 'cholesterol':
        if (has('T93') || has('K74') || has('K90')) return first ? 7.1 + 0.6 * e : 4.6 + 0.5 * e;
        return m + (a > 50 ? 0.4 : 0) + sd * e;
      case 'hb':
        if (has('B80')) return first ? m - 28 + 5 * e : m - 8 + 5 * e;
        return m - (a > 80 ? 6 : 0) + sd * e;
      case 'ferritin':
        if (has('B80')) return first ? 7 + 2 * Math.abs(e) : 22 + 6 * Math.abs(e);
        return m * Math.exp(0.35 * e);
      case 'crp':
        if (this.acuteCrp !== undefined) return this.acuteCrp;
        if (has('L88')) return 4 + 3 * Math.abs(e);
        return Math.max(1, m + sd * Math.abs(e));
      default:
        return m + sd * e;
    }
  }

  /** One result pushed clearly outside its reference interval. */
  abnormalValues(panel: PanelKey): Record<string, number> {
    const r = this.rng;
    const male = this.p.sex === 'male';
    switch (panel) {
      case 'diabetes':
        return { hba1c: r.real(60, 78), glucose: r.real(9, 14) };
      case 'renal':
        return r.chance(0.5) ? { creatinine: male ? r.real(120, 170) : r.real(100, 150) } : { potassium: r.chance(0.5) ? r.real(5.0, 5.8) : r.real(3.0, 3.3) };
      case 'lipids':
        return { ldl: r.real(4.6, 6.0), cholesterol: r.real(7.0, 8.5) };
      case 'thyroid':
        return { tsh: r.real(5.5, 11) };
      case 'anaemia':
        return { hb: male ? r.real(100, 125) : r.real(90, 110), ferritin: r.real(4, 12) };
      case 'infection':
        return { crp: r.real(25, 120) };
      case 'ra':
        return { alat: male ? r.real(80, 130) : r.real(55, 100) };
      case 'doac':
        return r.chance(0.5) ? { hb: male ? r.real(105, 128) : r.real(95, 112) } : { creatinine: male ? r.real(115, 160) : r.real(95, 140) };
      default:
        return r.chance(0.5) ? { hb: male ? r.real(105, 128) : r.real(95, 112) } : { alat: male ? r.real(80, 130) : r.real(55, 100) };
    }
  }

  // -------------------------------------------------------------------------------------------
  // Chronic conditions: diagnosis, medicines, controls

  private chronicCourse(s: ChronicState): void {
    const def = s.def;
    const w = this.w;
    const windowStart = this.start;
    let recorded: number;
    let encounter: Reference | undefined;
    let recorder: StaffRef;
    if (s.onset >= windowStart) {
      const t = w.officeTime(s.onset);
      const visit = this.gpVisit({ t, text: def.first, vitals: def.vitals, panel: def.panel, first: true, appointment: t > this.clock.now - YEAR });
      recorded = t + 20 * MINUTE;
      encounter = visit.enc;
      recorder = visit.who;
      if (def.radiology && this.rng.chance(0.5)) {
        const { muni } = w.at(t);
        w.radiology(def.radiology[0], def.radiology[1], w.officeTime(t + this.rng.range(5, 30) * DAY), muni.hospital);
      }
    } else {
      recorded = w.officeTime(s.onset);
      recorder = w.at(recorded).gp;
    }
    s.recorded = recorded;
    s.lastControl = recorded;
    s.ref = w.condition({ code: def.code, onset: date(s.onset), recorded, recorder, encounter, problemList: true });

  }

  /**
   * Controls at the GP office: one series per patient (not per diagnosis), at the shortest
   * interval among the patient's diagnoses; each control attends to the diagnosis that has
   * waited longest, with its vital signs and (often) its laboratory panel.
   */
  private chronicControls(): void {
    const w = this.w;
    const states = [...this.chronic.values()];
    if (states.length === 0) return;
    const months = Math.min(...states.map((s) => s.def.followUpMonths));
    const interval = (this.p.heavy ? 2.5 : Math.max(6, Math.min(18, months * 2.6))) * 30.44 * DAY;
    let t = this.start + interval * this.rng.next();
    let last = 0;
    while (t < this.clock.now - DAY) {
      const when = w.officeTime(t);
      const due = states.filter((s) => s.recorded < when - 30 * DAY);
      if (due.length > 0 && when > last + 14 * DAY) {
        let s = due[0] as ChronicState;
        for (const c of due) if (when - c.lastControl - c.def.followUpMonths * 30.44 * DAY > when - s.lastControl - s.def.followUpMonths * 30.44 * DAY) s = c;
        const def = s.def;
        const panel = def.panel && this.rng.chance(0.6) ? def.panel : undefined;
        const vitals: VitalSet = this.rng.chance(0.8) ? def.vitals : 'none';
        this.gpVisit({ t: when, text: def.follow, vitals, panel, appointment: when > this.clock.now - YEAR && this.rng.chance(0.8) });
        s.lastControl = when;
        last = when;
      }
      t += interval * this.rng.real(0.85, 1.2);
    }
    // The next control, if it is soon.
    if (t < this.clock.now + 56 * DAY && !this.inNursingHome && this.rng.chance(0.7)) {
      const s = this.rng.pick(states);
      const start = w.futureOfficeTime(Math.max(1, this.clock.dayOffsetOf(Math.max(t, this.clock.now + DAY))));
      w.appointment({ status: 'booked', service: 'gp', start, minutes: 20, who: this.p.gp, location: this.p.office.loc, description: s.def.follow.reason, created: this.clock.now - this.rng.range(1, 40) * DAY });
    }
  }

  /** Medicines for a diagnosis (PLL): started when it was recorded, confirmed at the last control. */
  private chronicMedicines(s: ChronicState): void {
    const w = this.w;
    const def = s.def;
    const recorded = s.recorded;
    const lastControl = Math.max(s.lastControl, recorded);
    const prescriber = w.at(recorded).gp;
    const regimen = this.rng.pick(def.regimens);
    for (const key of regimen) {
      if (this.meds.has(key)) continue;
      this.meds.add(key);
      let startMs = recorded;
      if (def.switchedFrom && key.endsWith('statin') && key !== def.switchedFrom && !this.meds.has(def.switchedFrom) && this.rng.chance(0.25)) {
        const switchMs = w.officeTime(this.w.between(recorded + 60 * DAY, this.clock.now - 30 * DAY));
        if (switchMs > recorded + 30 * DAY) {
          w.medication({
            med: med(def.switchedFrom),
            start: recorded,
            end: switchMs,
            status: 'stopped',
            prescriber,
            reason: s.ref,
            asserted: switchMs,
            statusReason: 'Byttet til annet legemiddel på grunn av utilstrekkelig effekt',
          });
          startMs = switchMs;
        }
      }
      const m = med(key);
      if (m.courseDays !== undefined && key === 'jern' && lastControl > recorded + 200 * DAY) {
        w.medication({ med: m, start: startMs, end: startMs + 120 * DAY, status: 'completed', prescriber, reason: s.ref, asserted: startMs + 120 * DAY });
      } else {
        w.medication({ med: m, start: startMs, status: 'active', prescriber: w.at(lastControl).gp, reason: s.ref, asserted: lastControl });
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Acute illness

  private acuteEpisodes(): void {
    for (let y = 0; y < 5; y++) {
      const from = Math.max(this.start, this.ctx.windowStart + y * YEAR, this.p.birthMs + 30 * DAY);
      const to = Math.min(this.ctx.windowStart + (y + 1) * YEAR, this.clock.now - DAY);
      if (to <= from) continue;
      const span = (to - from) / YEAR;
      const a = this.ageAt((from + to) / 2);
      for (const def of ACUTE) {
        const sex = def.sex ? def.sex[this.p.sex] : 1;
        if (this.rng.chance((def.rates[band4(a)] ?? 0) * ACUTE_SCALE * sex * span)) this.acute(def, this.w.between(from, to));
      }
    }
  }

  private acute(def: AcuteDef, approx: number): void {
    const w = this.w;
    const r = this.rng.next();
    const ill = def.vitals === 'infection' ? (def.key === 'R81' ? 'sick' : 'fever') : 'none';
    this.acuteCrp = def.key === 'R81' ? this.rng.real(60, 220) : def.crp ? this.rng.real(8, 45) : this.rng.real(1, 20);
    const resolvedDays = this.rng.range(7, 21);
    const medKeys = def.meds && this.rng.chance(def.meds.share) ? ((this.age < 12 ? def.meds.child : def.meds.adult) ?? def.meds.adult ?? def.meds.child) : undefined;
    let t: number;
    let enc: Reference;
    let recorder: StaffRef;
    if (r < def.edShare) {
      t = w.edTime(approx);
      const visit = this.edVisit({
        t,
        reason: def.text.reason,
        findings: this.rng.pick(def.text.findings),
        assessment: def.text.assessment,
        plan: `${this.rng.pick(def.text.plan)} Kontroll hos fastlege ved behov.`,
        triage: def.triage,
        ill,
      });
      enc = visit.enc;
      recorder = visit.doctor;
      if (def.crp) {
        w.labs({ panel: 'infection', t: t + 15 * MINUTE, encounter: enc, performer: visit.muni.ed.ref, values: { crp: this.acuteCrp }, hours: 0.25 }, (lab) => this.labValue(lab, false));
      }
    } else if (r < def.edShare + def.phoneShare) {
      t = w.officeTime(approx);
      const { gp, office } = w.at(t);
      const staff = this.rng.chance(0.6) ? this.rng.pick(office.byGroup['gp-nurse'] ?? [gp]) : gp;
      enc = w.encounter({ cls: 'VR', service: 'gp', start: t, end: t + 8 * MINUTE, participants: [staff], provider: office.ref, reason: def.text.reason });
      w.note({
        type: 'phone-contact',
        t: t + 8 * MINUTE,
        author: staff,
        custodian: office.ref,
        encounter: enc,
        title: `Telefon: ${def.text.reason}`,
        sections: [sharedSection('Henvendelse', def.text.reason), sharedSection('Vurdering og råd', `${def.text.assessment} ${this.rng.pick(def.text.plan)}`)],
      });
      recorder = gp;
    } else {
      t = w.officeTime(approx);
      const visit = this.gpVisit({ t, text: def.text, vitals: def.vitals, ill, panel: def.crp ? 'infection' : undefined, appointment: t > this.clock.now - YEAR && this.rng.chance(0.5) });
      enc = visit.enc;
      recorder = visit.who;
    }
    const cond = w.condition({ code: def.code, onset: dateTime(t - this.rng.range(1, 6) * DAY), recorded: t + 15 * MINUTE, recorder, encounter: enc, resolvedAt: t + resolvedDays * DAY, problemList: false });
    if (medKeys && medKeys.length > 0) {
      const m = med(this.rng.pick(medKeys));
      const days = m.courseDays ?? 10;
      const end = t + days * DAY;
      w.medication({ med: m, start: t, end, status: end < this.clock.now ? 'completed' : 'active', prescriber: recorder, reason: cond, asserted: t + 20 * MINUTE });
    }
    if (def.radiology && this.rng.chance(def.radiology[2])) {
      const { muni } = w.at(t);
      w.radiology(def.radiology[0], def.radiology[1], Math.min(t + this.rng.range(3, 48) * HOUR, this.clock.now - 3 * HOUR), muni.hospital);
    }
    this.acuteCrp = undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Hospital stays (ICD-10)

  private hospitalEvents(): void {
    for (let y = 0; y < 5; y++) {
      const from = Math.max(this.start, this.ctx.windowStart + y * YEAR, this.p.birthMs + 60 * DAY);
      const to = Math.min(this.ctx.windowStart + (y + 1) * YEAR, this.clock.now - 14 * DAY);
      if (to <= from) continue;
      const a = this.ageAt((from + to) / 2);
      const span = (to - from) / YEAR;
      for (const def of HOSPITAL_DX) {
        if (this.rng.chance((def.rates[band6(a)] ?? 0) * span * (this.p.heavy ? 2 : 1))) this.hospital(def, this.w.between(from, to));
      }
    }
  }

  private hospital(def: HospitalDxDef, approx: number): void {
    const w = this.w;
    const ill = def.key === 'J189' ? 'sick' : def.key === 'K358' ? 'fever' : 'none';
    this.acuteCrp = def.key === 'J189' ? this.rng.real(80, 250) : def.key === 'K358' ? this.rng.real(30, 120) : undefined;
    let admit: number;
    if (this.rng.chance(def.viaEd)) {
      const t = w.edTime(approx);
      this.edVisit({ t, reason: def.edReason, findings: def.edFindings, assessment: `Mistanke om ${def.display.toLowerCase()}.`, plan: 'Henvist sykehus for videre utredning og behandling.', triage: def.triage, ill });
      admit = t + this.rng.range(90, 180) * MINUTE;
    } else {
      admit = w.edTime(approx);
    }
    const { muni } = w.at(admit);
    const hosp = muni.hospital;
    const doctor = this.rng.pick(hosp.doctors);
    const days = this.rng.range(def.inpatientDays[0], def.inpatientDays[1]);
    const discharge = days > 0 ? admit + days * DAY + this.rng.range(-4, 4) * HOUR : admit + this.rng.range(3, 8) * HOUR;
    const enc = w.encounter({
      cls: days > 0 ? 'IMP' : 'AMB',
      service: 'hospital',
      start: admit,
      end: Math.min(discharge, this.clock.now - HOUR),
      participants: [doctor],
      provider: hosp.ref,
      reason: def.edReason,
    });
    if (def.radiology) w.radiology(def.radiology[0], def.radiology[1], admit + this.rng.range(30, 120) * MINUTE, hosp, enc);
    const cond = w.condition({ code: def.code, onset: dateTime(admit - this.rng.range(1, 12) * HOUR), recorded: admit + 3 * HOUR, recorder: doctor, encounter: enc, resolvedAt: discharge + this.rng.range(14, 60) * DAY, problemList: false });
    for (const key of def.meds ?? []) {
      if (this.meds.has(key)) continue;
      this.meds.add(key);
      w.medication({ med: med(key), start: discharge, status: 'active', prescriber: doctor, reason: cond, asserted: discharge });
    }
    const followUp = discharge + this.rng.range(7, 21) * DAY;
    if (followUp < this.clock.now - DAY) {
      this.gpVisit({ t: w.officeTime(followUp), text: def.followUp, vitals: def.key === 'J189' ? 'resp' : 'bp', appointment: followUp > this.clock.now - YEAR });
    }
    if (def.physio && this.rng.chance(0.8)) physioSeries(this, discharge + this.rng.range(10, 30) * DAY, def.followUp.reason);
    this.acuteCrp = undefined;
  }

  // -------------------------------------------------------------------------------------------

  private phoneContacts(): void {
    if (this.chronic.size === 0 || this.age < 18) return;
    for (let y = 0; y < 5; y++) {
      if (!this.rng.chance(this.p.heavy ? 1 : 0.15)) continue;
      const t = this.w.officeTime(this.w.between(Math.max(this.start, this.ctx.windowStart + y * YEAR), Math.min(this.ctx.windowStart + (y + 1) * YEAR, this.clock.now - DAY)));
      const { gp, office } = this.w.at(t);
      const staff = this.rng.chance(0.5) ? this.rng.pick(office.byGroup['gp-nurse'] ?? [gp]) : gp;
      const [q, a] = this.rng.pick(PHONE_REASONS);
      const enc = this.w.encounter({ cls: 'VR', service: 'gp', start: t, end: t + 6 * MINUTE, participants: [staff], provider: office.ref, reason: q });
      this.w.note({ type: 'phone-contact', t: t + 6 * MINUTE, author: staff, custodian: office.ref, encounter: enc, title: 'Telefonkontakt', sections: [sharedSection('Henvendelse', q), sharedSection('Vurdering og råd', a)] });
    }
  }

  private physio(): void {
    if (this.physioDone) return;
    const candidates = [...this.chronic.values()].filter((s) => s.def.physio);
    if (candidates.length === 0 || !this.rng.chance(0.2)) return;
    const s = this.rng.pick(candidates);
    const from = Math.max(this.start, s.recorded + 7 * DAY);
    const startApprox = this.rng.chance(0.35) ? this.clock.now - this.rng.range(7, 60) * DAY : this.w.between(from, this.clock.now - 20 * DAY);
    physioSeries(this, Math.max(from, startApprox), s.def.display, s.ref);
  }

  // -------------------------------------------------------------------------------------------
  // Documents between services (DocumentReference)

  /**
   * A pass over what the history wrote for the patient: an epikrise for every hospital stay or
   * outpatient treatment, the GP's referrals (acute admissions, specialist assessment of some
   * new chronic diagnoses, physiotherapy) and the hospital's letters back (answer to a
   * referral, letter after an outpatient consultation, with its Encounter or a booked
   * Appointment). Draws only from `docRng`.
   */
  private documents(): void {
    const out = this.w.out;
    const encounters: Encounter[] = [];
    const conditions: Condition[] = [];
    const meds: MedicationStatement[] = [];
    const appointments: Appointment[] = [];
    for (let i = this.firstOut; i < out.length; i++) {
      const r = out[i] as FhirResource;
      if (r.resourceType === 'Encounter') encounters.push(r);
      else if (r.resourceType === 'Condition') conditions.push(r);
      else if (r.resourceType === 'MedicationStatement') meds.push(r);
      else if (r.resourceType === 'Appointment') appointments.push(r);
    }
    const docs = { encounters, conditions, meds };
    for (const enc of encounters) if (enc.serviceType?.coding?.[0]?.code === 'hospital') this.stayDocuments(enc, docs);
    for (const c of conditions) this.specialistReferral(c, docs);
    this.physioReferral(encounters, appointments, docs);
  }

  private get patientLine(): string {
    const [y, m, d] = this.p.birthDate.split('-');
    return `${humanName(this.p).text}, født ${d}.${m}.${y}`;
  }

  /** The chronic problems known at `t`, as a referral or epikrise lists them. */
  private problemsAt(t: number, conditions: readonly Condition[], except?: Condition): string[] {
    return conditions
      .filter((c) => c !== except && c.category?.[0]?.coding?.[0]?.code === 'problem-list-item' && Date.parse(c.recordedDate ?? '') <= t)
      .map((c) => `${c.code?.text ?? ''} (ICPC-2 ${c.code?.coding?.[0]?.code ?? ''})`);
  }

  /** The medicines in use at `t` ("name strength form: dosage"), those started for `newFor` marked new. */
  private medsAt(t: number, meds: readonly MedicationStatement[], newFor?: Condition): string[] {
    const lines: string[] = [];
    for (const m of meds) {
      const start = Date.parse(m.effectivePeriod?.start ?? '');
      const end = m.effectivePeriod?.end ? Date.parse(m.effectivePeriod.end) : Infinity;
      if (!(start <= t + MINUTE && end > t)) continue;
      const isNew = newFor !== undefined && m.reasonReference?.[0]?.reference === `Condition/${newFor.id}`;
      lines.push(`${m.medicationCodeableConcept?.text ?? ''}: ${m.dosage?.[0]?.text ?? ''}${isNew ? ' (ny)' : ''}`);
    }
    return lines;
  }

  /** Placeholders of a finding template filled from the patient's usual values (no draw from the history stream). */
  private fillFromBase(template: string): string {
    const b = this.base;
    const values: Record<string, string> = {
      bp: `${Math.round(b.sys)}/${Math.round(b.dia)}`,
      hr: String(Math.round(b.hr)),
      spo2: String(Math.round(b.spo2)),
      temp: nb(b.temp, 1),
      rr: String(Math.round(b.rr)),
      weight: String(Math.round(b.weight)),
      crp: String(this.docRng.range(60, 180)),
      hba1c: String(this.docRng.range(48, 70)),
    };
    return template.replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? '');
  }

  /** A weekday office time on or before the Oslo day of `approx`, in the past (from `docRng`). */
  private docOfficeTime(approx: number): number {
    const c = this.clock;
    let d = c.dayOffsetOf(approx);
    for (let tries = 0; tries < 20; tries++) {
      const wd = c.weekday(d);
      if (wd === 6) d -= 1;
      else if (wd === 0) d -= 2;
      const t = c.at(d, this.docRng.range(8, 15), this.docRng.pick([0, 15, 30, 45]));
      if (t < c.now - 2 * HOUR) return t;
      d -= 1;
    }
    return c.at(d, 9, 0);
  }

  /**
   * A weekday office time after `after`, `days` working days on (0 = the same day when there is
   * time left), in the past: hospitals write their letters in the daytime.
   */
  private docOfficeTimeAfter(after: number, days: number): number {
    const c = this.clock;
    let d = c.dayOffsetOf(after) + days;
    for (let tries = 0; tries < 20; tries++) {
      const wd = c.weekday(d);
      if (wd === 6) d += 2;
      else if (wd === 0) d += 1;
      const t = c.at(d, this.docRng.range(8, 15), this.docRng.pick([0, 15, 30, 45]));
      if (t > after) return t < c.now - HOUR ? t : Math.min(c.now - MINUTE, Math.max(after + MINUTE, this.docOfficeTime(c.now)));
      d += 1;
    }
    return Math.min(after + HOUR, c.now - MINUTE);
  }

  /** A weekday office time on or after the Oslo day of `approx`, from tomorrow on. */
  private docFutureTime(approx: number): number {
    const c = this.clock;
    let d = Math.max(1, c.dayOffsetOf(approx));
    const wd = c.weekday(d);
    if (wd === 6) d += 2;
    else if (wd === 0) d += 1;
    return c.at(d, this.docRng.range(8, 14), this.docRng.pick([0, 15, 30, 45]));
  }

  private staffAt(t: number, ref: Reference | undefined): { who: StaffRef; office: UnitRef } {
    const { gp, office } = this.w.at(t);
    const who = office.staff.find((s) => s.ref.reference === ref?.reference) ?? gp;
    return { who, office };
  }

  /** The epikrise of a hospital stay (and the GP's referral, and a later outpatient control). */
  private stayDocuments(enc: Encounter, docs: { encounters: Encounter[]; conditions: Condition[]; meds: MedicationStatement[] }): void {
    const cond = docs.conditions.find((c) => c.encounter?.reference === `Encounter/${enc.id}`);
    const key = cond?.code?.coding?.[0]?.code ?? '';
    const def = HOSPITAL_DX.find((d) => d.key === key);
    const text = DISCHARGE[key];
    if (!cond || !def || !text || !enc.period?.start) return;
    const r = this.docRng;
    const admit = Date.parse(enc.period.start);
    const end = Date.parse(enc.period.end ?? enc.period.start);
    const hosp = this.w.at(admit).muni.hospital;
    const doctor = hosp.doctors.find((d) => d.ref.reference === enc.participant?.[0]?.individual?.reference) ?? r.pick(hosp.doctors);
    const stay = enc.class.code === 'IMP';
    const encRef = ref('Encounter', enc.id ?? '');
    const unit = `${hosp.def.name}, ${text.department}`;

    const ed = docs.encounters.find((e) => e.class.code === 'EMER' && Math.abs(Date.parse(e.period?.start ?? '') - admit) < 5 * HOUR && Date.parse(e.period?.start ?? '') <= admit);
    let arrival: string;
    let referral: Reference | undefined;
    if (ed) {
      arrival = `Henvist fra ${ed.serviceProvider?.display ?? 'legevakten'} etter vurdering av legevaktlege.`;
    } else if (r.chance(0.5)) {
      const t = admit - r.range(60, 180) * MINUTE;
      const { gp, office } = this.w.at(t);
      referral = this.w.document({
        type: 'henvisning',
        t,
        author: gp,
        custodian: office.ref,
        service: 'gp',
        title: 'Henvisning til innleggelse',
        description: `Henvisning til ${hosp.def.name}: ${def.edReason}`,
        text: documentText(
          'Henvisning til innleggelse',
          [`Fra: ${gp.name}, fastlege, ${office.name}`, `Til: ${unit}`, `Gjelder: ${this.patientLine}`, 'Hastegrad: øyeblikkelig hjelp'],
          [
            ['Henvisningsårsak', `${def.edReason}. Mistanke om ${def.display.toLowerCase()}.`],
            ['Funn', this.fillFromBase(def.edFindings)],
            ['Kjente tilstander', this.problemsAt(t, docs.conditions)],
            ['Faste medisiner', this.medsAt(t, docs.meds)],
            ['Spørsmål til sykehuset', 'Ønsker vurdering og behandling. Pasienten er informert og sendes med ambulanse.'],
          ],
          [gp.name, 'Fastlege', office.name],
        ),
      });
      arrival = 'Innlagt som øyeblikkelig hjelp etter henvisning fra fastlege.';
    } else {
      arrival = 'Innlagt som øyeblikkelig hjelp, brakt inn med ambulanse.';
    }

    const written = this.docOfficeTimeAfter(end, r.range(0, 2));
    const { gp: gpAfter, office: officeAfter } = this.w.at(end);
    const title = stay ? 'Epikrise' : 'Epikrise fra poliklinisk behandling';
    const discharge: DocSection[] = [
      ['Diagnoser', [`${def.display} (ICD-10 ${def.key})`, ...this.problemsAt(admit, docs.conditions)]],
      [stay ? 'Innleggelsesårsak' : 'Årsak til kontakt', `${def.edReason}. ${arrival}`],
      ['Funn', r.pick(text.findings)],
      ['Behandling og forløp', r.pick(text.course)],
      [stay ? 'Medikamenter ved utskrivning' : 'Medikamenter', [...this.medsAt(end, docs.meds, cond), ...(text.courses ?? []).map((c) => `${c} (kur)`)]],
      ['Videre oppfølging', text.followUp],
    ];
    const epikrise = this.w.document({
      type: 'epikrise',
      t: written,
      author: doctor,
      custodian: hosp.ref,
      service: 'hospital',
      title,
      description: `${title} fra ${hosp.def.name}: ${def.display}`,
      text: documentText(
        title,
        [
          unit,
          `Pasient: ${this.patientLine}`,
          stay ? `Innlagt: ${dmy(admit)}. Utskrevet: ${dmy(end)}.` : `Behandlet: ${dmy(admit)}.`,
          `Til: ${gpAfter.name}, fastlege, ${officeAfter.name}`,
          'Kopi: pasienten',
        ],
        discharge,
        [doctor.name, 'Overlege', unit],
      ),
      encounter: encRef,
      period: { start: admit, end },
      ...(referral ? { related: [referral] } : {}),
    });

    // An outpatient control some weeks later: done (with a letter) or booked.
    const control = HOSPITAL_CONTROL[key];
    if (!control || !stay || !r.chance(0.5)) return;
    const approx = end + r.range(42, 75) * DAY;
    const reason = `Poliklinisk kontroll: ${def.display}`;
    if (approx < this.clock.now - 2 * DAY) {
      const t = this.docOfficeTime(approx);
      const visit = this.w.encounter({ cls: 'AMB', service: 'hospital', start: t, end: t + 30 * MINUTE, participants: [doctor], provider: hosp.ref, reason });
      const { gp, office } = this.w.at(t);
      const letterAt = this.docOfficeTimeAfter(t, r.range(1, 5));
      this.w.document({
        type: 'brev',
        t: letterAt,
        author: doctor,
        custodian: hosp.ref,
        service: 'hospital',
        title: 'Brev fra spesialist',
        description: `Poliklinisk kontroll ved ${control.clinic}, ${hosp.def.name}`,
        text: documentText(
          'Brev fra spesialist',
          [`Fra: ${hosp.def.name}, ${control.clinic}`, `Til: ${gp.name}, fastlege, ${office.name}`, `Gjelder: ${this.patientLine}`, `Konsultasjon: ${dmy(t)}`],
          [
            ['Bakgrunn', `Kontroll etter innleggelse for ${def.display.toLowerCase()} ${dmy(admit)}–${dmy(end)}.`],
            ['Funn', control.findings],
            ['Vurdering', control.assessment],
            ['Anbefalinger til fastlegen', control.advice],
          ],
          [doctor.name, 'Overlege', `${hosp.def.name}, ${control.clinic}`],
        ),
        encounter: visit,
        related: [epikrise],
      });
    } else {
      this.w.appointment({ status: 'booked', service: 'hospital', start: this.docFutureTime(approx), minutes: 30, who: doctor, description: reason, created: end + r.range(1, 10) * DAY });
    }
  }

  /** Some new chronic diagnoses are referred to the hospital's outpatient clinic; the answer and the specialist's letter follow. */
  private specialistReferral(c: Condition, docs: { conditions: Condition[]; meds: MedicationStatement[] }): void {
    const key = c.code?.coding?.[0]?.code ?? '';
    const spec = SPECIALIST[key];
    if (!spec || !c.encounter || c.category?.[0]?.coding?.[0]?.code !== 'problem-list-item') return;
    const r = this.docRng;
    if (!r.chance(SPECIALIST_REFERRAL_CHANCE)) return;
    const recorded = Date.parse(c.recordedDate ?? '');
    const t = recorded + r.range(30, 240) * MINUTE;
    if (!(t < this.clock.now - HOUR)) return;
    const { who, office } = this.staffAt(recorded, c.recorder);
    const hosp = this.w.at(t).muni.hospital;
    const diagnosis = c.code?.text ?? key;
    const patient = this.patientLine;
    const title = `Henvisning til ${lowerFirst(spec.clinic)}`;
    const referral = this.w.document({
      type: 'henvisning',
      t,
      author: who,
      custodian: office.ref,
      service: 'gp',
      title,
      description: `Henvisning til ${spec.clinic}, ${hosp.def.name}: ${diagnosis}`,
      text: documentText(
        title,
        [`Fra: ${who.name}, fastlege, ${office.name}`, `Til: ${hosp.def.name}, ${spec.clinic}`, `Gjelder: ${patient}`, 'Hastegrad: ordinær'],
        [
          ['Henvisningsårsak', spec.reason],
          ['Kjente tilstander', this.problemsAt(t, docs.conditions)],
          ['Faste medisiner', this.medsAt(t, docs.meds)],
          ['Spørsmål til spesialisthelsetjenesten', spec.question],
        ],
        [who.name, 'Fastlege', office.name],
      ),
      encounter: c.encounter,
    });

    const answered = this.docOfficeTime(t + r.range(5, 20) * DAY);
    if (answered <= t || answered >= this.clock.now - HOUR) return; // not answered yet
    const doctor = r.pick(hosp.doctors);
    const consultApprox = t + r.range(35, 100) * DAY;
    const done = consultApprox < this.clock.now - 2 * DAY;
    const consult = done ? this.docOfficeTime(consultApprox) : this.docFutureTime(consultApprox);
    const deadline = consult + r.range(0, 14) * DAY;
    const { gp, office: gpOffice } = this.w.at(answered);
    this.w.document({
      type: 'brev',
      t: answered,
      author: doctor,
      custodian: hosp.ref,
      service: 'hospital',
      title: 'Svar på henvisning',
      description: `Svar på henvisning fra ${spec.clinic}, ${hosp.def.name}`,
      text: documentText(
        'Svar på henvisning',
        [`Fra: ${hosp.def.name}, ${spec.clinic}`, `Til: ${gp.name}, fastlege, ${gpOffice.name}`, `Gjelder: ${patient}`, `Henvisning datert: ${dmy(t)}`],
        [
          ['Vurdering av henvisningen', `Henvisningen er mottatt og vurdert. Pasienten har rett til nødvendig helsehjelp i spesialisthelsetjenesten, med frist for start av helsehjelpen ${dmy(deadline)}.`],
          ['Time', `Pasienten er satt opp til time ved ${spec.clinic} ${dmy(consult)} kl. ${hhmm(consult)}. Innkalling er sendt pasienten.`],
          ['Til fastlegen', 'Ingen tiltak er nødvendige før timen. Gi beskjed dersom tilstanden forverres.'],
        ],
        [doctor.name, 'Overlege', `${hosp.def.name}, ${spec.clinic}`],
      ),
      related: [referral],
    });

    const reason = `Poliklinisk vurdering: ${diagnosis}`;
    if (!done) {
      this.w.appointment({ status: 'booked', service: 'hospital', start: consult, minutes: 45, who: doctor, description: reason, created: answered });
      return;
    }
    const visit = this.w.encounter({ cls: 'AMB', service: 'hospital', start: consult, end: consult + 45 * MINUTE, participants: [doctor], provider: hosp.ref, reason });
    const letterAt = this.docOfficeTimeAfter(consult, r.range(1, 5));
    const { gp: gpLater, office: officeLater } = this.w.at(consult);
    this.w.document({
      type: 'brev',
      t: letterAt,
      author: doctor,
      custodian: hosp.ref,
      service: 'hospital',
      title: 'Brev fra spesialist',
      description: `Poliklinisk vurdering ved ${spec.clinic}, ${hosp.def.name}: ${diagnosis}`,
      text: documentText(
        'Brev fra spesialist',
        [`Fra: ${hosp.def.name}, ${spec.clinic}`, `Til: ${gpLater.name}, fastlege, ${officeLater.name}`, `Gjelder: ${patient}`, `Konsultasjon: ${dmy(consult)}`],
        [
          ['Bakgrunn', `Henvist fra fastlege ${dmy(t)}. ${spec.reason}`],
          ['Funn', r.pick(spec.findings)],
          ['Vurdering', spec.assessment],
          ['Anbefalinger til fastlegen', spec.advice],
        ],
        [doctor.name, 'Overlege', `${hosp.def.name}, ${spec.clinic}`],
      ),
      encounter: visit,
      related: [referral],
    });
  }

  /** The GP's referral before a physiotherapy series (its first session or first booked appointment). */
  private physioReferral(encounters: readonly Encounter[], appointments: readonly Appointment[], docs: { conditions: Condition[]; meds: MedicationStatement[] }): void {
    const first = encounters.find((e) => e.serviceType?.coding?.[0]?.code === 'physio');
    const booked = appointments.find((a) => a.status === 'booked' && a.serviceType?.[0]?.coding?.[0]?.code === 'physio');
    const start = first?.period?.start ?? booked?.start;
    if (!start) return;
    const r = this.docRng;
    const t = this.docOfficeTime(Date.parse(start) - r.range(7, 21) * DAY);
    const reason = (first?.reasonCode?.[0]?.text ?? booked?.description ?? '').replace(/^Fysioterapi: /, '');
    if (!reason) return;
    const { gp, office } = this.w.at(t);
    const unit = this.p.muni.physio;
    this.w.document({
      type: 'henvisning',
      t,
      author: gp,
      custodian: office.ref,
      service: 'gp',
      title: 'Henvisning til fysioterapi',
      description: `Henvisning til ${unit.name}: ${reason}`,
      text: documentText(
        'Henvisning til fysioterapi',
        [`Fra: ${gp.name}, fastlege, ${office.name}`, `Til: ${unit.name}`, `Gjelder: ${this.patientLine}`],
        [
          ['Henvisningsårsak', `${reason}.`],
          ['Kjente tilstander', this.problemsAt(t, docs.conditions)],
          ['Faste medisiner', this.medsAt(t, docs.meds)],
          ['Ønsket tiltak', 'Vurdering og behandling med individuelt tilpasset opptrening. Pasienten ønsker time så snart som mulig.'],
        ],
        [gp.name, 'Fastlege', office.name],
      ),
    });
  }

  /** A blood test round in the last two weeks, often with something abnormal (new results). */
  private recentLabs(): void {
    if (this.age < 18 || this.inNursingHome) return;
    const panels = [...this.chronic.values()].map((s) => s.def.panel).filter((p): p is PanelKey => p !== undefined);
    if (panels.length === 0 && this.age < 40) return;
    if (!this.rng.chance(this.p.heavy ? 1 : 0.14)) return;
    const panel = panels.length > 0 ? this.rng.pick(panels) : 'general';
    const t = this.w.officeTime(this.clock.now - this.rng.real(0.1, 13) * DAY);
    const { office, gp } = this.w.at(t);
    const nurse = this.rng.pick(office.byGroup['gp-nurse'] ?? [gp]);
    const enc = this.w.encounter({ cls: 'AMB', service: 'gp', start: t, end: t + 10 * MINUTE, participants: [nurse], provider: office.ref, reason: 'Blodprøvetaking', location: office.loc });
    const abnormal = this.rng.chance(0.55);
    this.w.labs(
      {
        panel,
        t: t + 3 * MINUTE,
        encounter: enc,
        performer: this.labPerformer(panel, t),
        values: abnormal ? this.abnormalValues(panel) : {},
        hours: PANELS[panel].office ? 0.25 : this.rng.range(3, 28),
        unseenChance: { normal: 0.35, abnormal: 0.8 },
      },
      (lab) => this.labValue(lab, false),
    );
  }
}

/** dd.mm.yyyy of the Oslo day of an instant, as Norwegian letters write dates. */
function dmy(ms: number): string {
  const { y, m, d } = osloDay(ms);
  return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
}

/** HH:MM Oslo time. */
function hhmm(ms: number): string {
  const { hour, minute } = osloClock(ms);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export function writePatient(ctx: HistoryContext, person: Person, out: FhirResource[]): void {
  new History(ctx, person, out).run();
}

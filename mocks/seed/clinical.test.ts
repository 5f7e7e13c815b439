// @vitest-environment node
import type {
  AllergyIntolerance,
  Appointment,
  Composition,
  DiagnosticReport,
  Encounter,
  EpisodeOfCare,
  FhirResource,
  Flag,
  Immunization,
  Observation,
  Patient,
  RelatedPerson,
} from 'fhir/r4';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CODE_SYSTEM, EXTENSION, IDENTIFIER, LOINC } from '../../src/domain/codeSystems';
import { parseNationalId } from '../../src/domain/nationalId';
import { HEAVY_PATIENT_IDS, generateClinical, generateCore, heavyPatientIds, type SeedOptions } from './index';
import { IMMUNISATION_PROGRAMME } from './terminology';
import { validateResources } from './validate';

const NOW = '2026-11-26T10:30:00+01:00';
const TODAY = '2026-11-26';
const OPTIONS: SeedOptions = { seed: 20261126, patients: 500, now: NOW, heavyPatients: 0 };
const core = generateCore(OPTIONS);
const clinical = generateClinical(core, OPTIONS);
const all: FhirResource[] = [...core.resources, ...clinical];

function ofType<T extends FhirResource['resourceType']>(type: T): Array<Extract<FhirResource, { resourceType: T }>> {
  return clinical.filter((r): r is Extract<FhirResource, { resourceType: T }> => r.resourceType === type);
}

const patients = ofType('Patient') as Patient[];
const nowMs = Date.parse(NOW);
const ageOf = (p: Patient): number => (nowMs - Date.parse(`${p.birthDate}T12:00:00+01:00`)) / (365.2425 * 86_400_000);
const municipalityOf = (p: Patient): string | undefined => p.address?.[0]?._district?.extension?.[0]?.valueCoding?.code;
const subjectOf = (r: FhirResource): string | undefined => {
  const x = r as { subject?: { reference?: string }; patient?: { reference?: string } };
  return x.subject?.reference ?? x.patient?.reference;
};

describe('generateClinical: determinism', () => {
  it('gives byte-identical output for the same options, and different output for another seed', () => {
    const small: SeedOptions = { seed: 7, patients: 120, now: NOW, heavyPatients: 1 };
    const a = JSON.stringify(generateClinical(generateCore(small), small));
    const b = JSON.stringify(generateClinical(generateCore(small), small));
    expect(a).toBe(b);
    const other: SeedOptions = { ...small, seed: 8 };
    expect(JSON.stringify(generateClinical(generateCore(other), other))).not.toBe(a);
  });

  it('does not change earlier patients when more patients are generated', () => {
    const key = (rs: FhirResource[]): Map<string, string> => {
      const m = new Map<string, string>();
      for (const r of rs) {
        if (r.id?.includes('-today') || /-t\d/.test(r.id ?? '')) continue; // today's GP lists are drawn among all patients
        const subject = r.resourceType === 'Patient' ? `Patient/${r.id}` : subjectOf(r);
        if (subject && subject <= 'Patient/pat-00100') m.set(`${r.resourceType}/${r.id}`, JSON.stringify(r));
      }
      return m;
    };
    const o1: SeedOptions = { seed: 3, patients: 100, now: NOW, heavyPatients: 0 };
    const o2: SeedOptions = { ...o1, patients: 180 };
    const a = key(generateClinical(generateCore(o1), o1));
    const b = key(generateClinical(generateCore(o2), o2));
    expect(a.size).toBeGreaterThan(1000);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [k, v] of a) expect(b.get(k), k).toBe(v);
  });

  it('uses no unseeded randomness or wall-clock time', () => {
    const dir = dirname(fileURLToPath(import.meta.url));
    for (const file of readdirSync(dir)) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const src = readFileSync(join(dir, file), 'utf8');
      expect(src, file).not.toMatch(/Math\.random|Date\.now|new Date\(\)/);
    }
  });
});

describe('generateClinical: validity', () => {
  it('writes valid FHIR R4 resources with unique ids and resolvable references, no empty or undefined values', () => {
    expect(validateResources(all, { limit: 20 })).toEqual([]);
  });

  it('gives every patient a synthetic Test-Norge fødselsnummer that matches birth date and gender', () => {
    const seen = new Set<string>();
    for (const p of patients) {
      const id = p.identifier?.find((i) => i.system === IDENTIFIER.fnr);
      expect(id?.use).toBe('official');
      const parsed = parseNationalId(id?.value ?? '');
      expect(parsed.ok, id?.value).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.info.synthetic).toBe(true);
      expect(parsed.info.birthDate).toBe(p.birthDate);
      expect(parsed.info.sex).toBe(p.gender);
      expect(seen.has(parsed.value)).toBe(false);
      seen.add(parsed.value);
    }
  });

  it('gives patients Norwegian names, phones, a real postal code and a GP on their list', () => {
    const roles = new Set(core.resources.filter((r) => r.resourceType === 'PractitionerRole').map((r) => `PractitionerRole/${r.id}`));
    for (const p of patients) {
      expect(p.name?.[0]?.family).toBeTruthy();
      if (ageOf(p) >= 12) expect(p.telecom?.[0]?.value).toMatch(/^[49]\d{7}$/);
      const a = p.address?.[0];
      expect(a?.postalCode).toMatch(/^\d{4}$/);
      expect(['Bergen', 'Trondheim', 'Tromsø']).toContain(a?.district);
      expect(a?._district?.extension?.[0]?.url).toBe(EXTENSION.municipalityCode);
      expect(roles.has(p.generalPractitioner?.[0]?.reference ?? '')).toBe(true);
      expect(p.managingOrganization?.reference).toMatch(/^Organization\/org-\d{4}-gp-\d$/);
    }
    expect(new Set(patients.map((p) => p.name?.[0]?.given?.[0])).size).toBeGreaterThan(100);
    expect(patients.some((p) => /[æøåÆØÅ]/.test(p.name?.[0]?.text ?? ''))).toBe(true);
  });
});

describe('generateClinical: proportions', () => {
  it('spreads patients ≈ 45/35/20 % over Bergen, Trondheim and Tromsø', () => {
    const share = (code: string): number => patients.filter((p) => municipalityOf(p) === code).length / patients.length;
    expect(share('4601')).toBeGreaterThan(0.38);
    expect(share('4601')).toBeLessThan(0.52);
    expect(share('5001')).toBeGreaterThan(0.28);
    expect(share('5001')).toBeLessThan(0.42);
    expect(share('5501')).toBeGreaterThan(0.14);
    expect(share('5501')).toBeLessThan(0.26);
  });

  it('has an age distribution like Norway: ≈ 8 % aged 0–5 and ≈ 15 % aged 80+', () => {
    const children = patients.filter((p) => ageOf(p) < 6).length / patients.length;
    const old = patients.filter((p) => ageOf(p) >= 80).length / patients.length;
    expect(children).toBeGreaterThan(0.04);
    expect(children).toBeLessThan(0.12);
    expect(old).toBeGreaterThan(0.1);
    expect(old).toBeLessThan(0.2);
  });

  it('has care relations: home care for ≈ 4 % of adults, the health station for every child 0–5', () => {
    const episodes = ofType('EpisodeOfCare') as EpisodeOfCare[];
    const service = (e: EpisodeOfCare): string | undefined => e.type?.[0]?.coding?.[0]?.code;
    for (const e of episodes) expect(e.status).toBe('active');
    const homeCare = new Set(episodes.filter((e) => service(e) === 'home-care').map((e) => e.patient.reference));
    const adults = patients.filter((p) => ageOf(p) >= 18);
    expect(homeCare.size / adults.length).toBeGreaterThan(0.02);
    expect(homeCare.size / adults.length).toBeLessThan(0.08);
    for (const e of episodes.filter((x) => service(x) === 'home-care')) expect(e.type?.[0]?.text).toMatch(/timer per uke/);
    const hs = new Set(episodes.filter((e) => service(e) === 'health-station').map((e) => e.patient.reference));
    for (const p of patients) if (ageOf(p) < 6) expect(hs.has(`Patient/${p.id}`), p.id).toBe(true);
    const nh = episodes.filter((e) => service(e) === 'nursing-home');
    for (const e of nh) expect(ageOf(patients.find((p) => `Patient/${p.id}` === e.patient.reference) as Patient)).toBeGreaterThanOrEqual(85);
  });

  it('has critical information for ≈ 10 % of patients, coded as DOMAIN.md says', () => {
    const allergies = ofType('AllergyIntolerance') as AllergyIntolerance[];
    const flags = ofType('Flag') as Flag[];
    const withInfo = new Set([...allergies.map((a) => a.patient.reference), ...flags.map((f) => f.subject.reference)]);
    expect(withInfo.size / patients.length).toBeGreaterThan(0.05);
    expect(withInfo.size / patients.length).toBeLessThan(0.17);
    for (const a of allergies) {
      const v = a.verificationStatus?.coding?.[0]?.code;
      const text = a.verificationStatus?.text;
      expect(['Mistenkt', 'Sannsynlig', 'Bekreftet', 'Avkreftet']).toContain(text);
      expect(v).toBe(text === 'Bekreftet' ? 'confirmed' : text === 'Avkreftet' ? 'refuted' : 'unconfirmed');
      if (a.criticality === 'high') expect(a.reaction?.[0]?.severity).toBe('severe');
    }
    for (const f of flags) {
      expect(f.status).toBe('active');
      expect(f.category?.[0]?.coding?.[0]?.system).toBe(CODE_SYSTEM.criticalInfoCategory);
      expect(['anaesthesia-complication', 'critical-condition', 'ongoing-treatment-implant', 'treatment-routine-change', 'infection-risk']).toContain(f.category?.[0]?.coding?.[0]?.code);
      expect(f.code.text).toBeTruthy();
    }
  });

  it('averages a modest number of resources per patient', () => {
    const perPatient = clinical.length / patients.length;
    expect(perPatient).toBeGreaterThan(20);
    expect(perPatient).toBeLessThan(45);
  });
});

describe('generateClinical: clinical content', () => {
  it('gives every GP 10–20 appointments today between 08:00 and 15:30 Oslo time', () => {
    const gpRoles = core.resources.filter((r) => r.resourceType === 'PractitionerRole' && r.code?.[0]?.coding?.[0]?.code === 'gp').map((r) => `PractitionerRole/${r.id}`);
    expect(gpRoles).toHaveLength(27);
    const today = (ofType('Appointment') as Appointment[]).filter((a) => a.start?.startsWith(TODAY));
    for (const gp of gpRoles) {
      const mine = today.filter((a) => a.participant.some((p) => p.actor?.reference === gp));
      expect(mine.length, gp).toBeGreaterThanOrEqual(10);
      expect(mine.length, gp).toBeLessThanOrEqual(20);
      for (const a of mine) {
        const hhmm = a.start?.slice(11, 16) ?? '';
        expect(hhmm >= '08:00' && hhmm <= '15:30', hhmm).toBe(true);
        expect(a.start).toMatch(/\+01:00$/);
        expect(a.participant.some((p) => p.actor?.reference?.startsWith('Patient/'))).toBe(true);
        const ended = Date.parse(a.end ?? '') <= nowMs;
        expect(a.status).toBe(ended ? 'fulfilled' : Date.parse(a.start ?? '') <= nowMs ? 'arrived' : 'booked');
      }
    }
    expect((ofType('Appointment') as Appointment[]).some((a) => Date.parse(a.start ?? '') > nowMs + 86_400_000 && a.status === 'booked')).toBe(true);
  });

  it('follows the childhood immunisation programme (most on time, a few late or missing)', () => {
    const imms = ofType('Immunization') as Immunization[];
    let complete = 0;
    let considered = 0;
    for (const p of patients.filter((x) => ageOf(x) < 6)) {
      const birth = Date.parse(`${p.birthDate}T00:00:00+01:00`);
      const mine = imms.filter((i) => i.patient.reference === `Patient/${p.id}`);
      for (const i of mine) {
        const vaccine = i.vaccineCode.coding?.[0]?.code;
        const dose = i.protocolApplied?.[0]?.doseNumberPositiveInt;
        const due = IMMUNISATION_PROGRAMME.find((d) => ({ rota: 'J07BH01', hexa: 'J07CA09', pcv: 'J07AL02', mmr: 'J07BD52' })[d.vaccine] === vaccine && d.dose === dose);
        expect(due, `${vaccine} dose ${dose}`).toBeTruthy();
        const ageDays = (Date.parse(i.occurrenceDateTime ?? '') - birth) / 86_400_000;
        expect(ageDays).toBeGreaterThanOrEqual((due?.ageDays ?? 0) - 7);
        expect(Date.parse(i.occurrenceDateTime ?? '')).toBeLessThan(nowMs);
        expect(i.lotNumber).toBeTruthy();
      }
      const ageNow = (nowMs - birth) / 86_400_000;
      const expected = IMMUNISATION_PROGRAMME.filter((d) => d.ageDays + 80 < ageNow);
      if (expected.length === 0) continue;
      considered++;
      if (expected.every((d) => mine.some((i) => i.protocolApplied?.[0]?.doseNumberPositiveInt === d.dose && i.vaccineCode.coding?.[0]?.code === { rota: 'J07BH01', hexa: 'J07CA09', pcv: 'J07AL02', mmr: 'J07BD52' }[d.vaccine]))) complete++;
    }
    expect(considered).toBeGreaterThan(10);
    expect(complete / considered).toBeGreaterThan(0.8);
  });

  it('measures children along plausible WHO percentiles', () => {
    const weights = (ofType('Observation') as Observation[]).filter((o) => o.code.coding?.[0]?.code === LOINC.weight);
    for (const p of patients.filter((x) => ageOf(x) < 6)) {
      const birth = Date.parse(`${p.birthDate}T00:00:00+01:00`);
      for (const o of weights.filter((w) => w.subject?.reference === `Patient/${p.id}`)) {
        const months = (Date.parse(o.effectiveDateTime ?? '') - birth) / (30.4375 * 86_400_000);
        const kg = o.valueQuantity?.value ?? 0;
        if (months < 0.5) {
          expect(kg).toBeGreaterThan(1.8);
          expect(kg).toBeLessThan(5.2);
        } else if (months > 11 && months < 13) {
          expect(kg).toBeGreaterThan(6.5);
          expect(kg).toBeLessThan(13.5);
        }
      }
    }
  });

  it('links children to parents who are patients themselves', () => {
    const rps = ofType('RelatedPerson') as RelatedPerson[];
    expect(rps.length).toBeGreaterThan(10);
    const byFnr = new Map(patients.map((p) => [p.identifier?.[0]?.value, p]));
    for (const rp of rps) {
      const parent = byFnr.get(rp.identifier?.[0]?.value);
      expect(parent, rp.id).toBeTruthy();
      const child = patients.find((p) => `Patient/${p.id}` === rp.patient.reference) as Patient;
      expect(ageOf(parent as Patient) - ageOf(child)).toBeGreaterThan(19);
      expect(['MTH', 'FTH']).toContain(rp.relationship?.[0]?.coding?.[0]?.code);
      expect(child.contact?.length).toBeGreaterThan(0);
    }
  });

  it('keeps the older history of patients who moved in their previous municipality', () => {
    const moved = patients.filter((p) => (p.address?.length ?? 0) > 1);
    expect(moved.length).toBeGreaterThan(3);
    const encounters = ofType('Encounter') as Encounter[];
    let before = 0;
    for (const p of moved) {
      const old = p.address?.[1];
      expect(old?.use).toBe('old');
      expect(old?.district).not.toBe(p.address?.[0]?.district);
      const moveDate = Date.parse(`${old?.period?.end}T00:00:00+01:00`);
      const prevCode = old?._district?.extension?.[0]?.valueCoding?.code;
      for (const e of encounters.filter((x) => x.subject?.reference === `Patient/${p.id}` && x.serviceType?.coding?.[0]?.code === 'gp')) {
        if (Date.parse(e.period?.start ?? '') < moveDate - 86_400_000) {
          before++;
          expect(e.serviceProvider?.reference).toMatch(new RegExp(`^Organization/org-${prevCode}-`));
        }
      }
    }
    expect(before).toBeGreaterThan(0);
  });

  it('codes vital signs with LOINC and UCUM, blood pressure as a panel, and computes NEWS2', () => {
    const obs = ofType('Observation') as Observation[];
    const bp = obs.filter((o) => o.code.coding?.[0]?.code === LOINC.bpPanel);
    expect(bp.length).toBeGreaterThan(100);
    for (const o of bp.slice(0, 200)) {
      expect(o.component?.map((c) => c.code.coding?.[0]?.code)).toEqual([LOINC.systolic, LOINC.diastolic]);
      expect(o.component?.[0]?.valueQuantity?.code).toBe('mm[Hg]');
    }
    const units = new Map<string, string>([
      [LOINC.heartRate, '/min'],
      [LOINC.spo2, '%'],
      [LOINC.temperature, 'Cel'],
      [LOINC.weight, 'kg'],
      [LOINC.respiratoryRate, '/min'],
      [LOINC.bodyHeight, 'cm'],
      [LOINC.headCircumference, 'cm'],
    ]);
    for (const o of obs) {
      const code = o.code.coding?.[0]?.code ?? '';
      if (units.has(code)) expect(o.valueQuantity?.code).toBe(units.get(code));
    }
    const news2 = obs.filter((o) => o.code.coding?.[0]?.system === CODE_SYSTEM.snomed && o.code.coding[0].code === '1104051000000101');
    expect(news2.length).toBeGreaterThan(20);
    for (const o of news2) {
      expect(o.valueInteger).toBeGreaterThanOrEqual(0);
      expect(o.derivedFrom?.length).toBe(5);
    }
  });

  it('has laboratory results with NLK codes, reference ranges and interpretation, some new and abnormal', () => {
    const labs = (ofType('Observation') as Observation[]).filter((o) => o.category?.[0]?.coding?.[0]?.code === 'laboratory');
    expect(labs.length).toBeGreaterThan(300);
    for (const o of labs) {
      expect(o.code.coding?.[0]?.system).toBe(CODE_SYSTEM.nlk);
      expect(o.code.coding?.[0]?.code).toMatch(/^NPU\d{5}$/);
      expect(o.referenceRange?.[0]?.high ?? o.referenceRange?.[0]?.low).toBeTruthy();
      const flag = o.interpretation?.[0]?.coding?.[0]?.code;
      const v = o.valueQuantity?.value ?? 0;
      const high = o.referenceRange?.[0]?.high?.value;
      const low = o.referenceRange?.[0]?.low?.value;
      expect(flag).toBe(high !== undefined && v > high ? 'H' : low !== undefined && v < low ? 'L' : 'N');
      expect(o.performer?.[0]?.reference).toMatch(/^Organization\//);
    }
    const unseen = labs.filter((o) => o.meta?.tag?.some((t) => t.system === 'urn:akson:codesystem:review-status' && t.code === 'unseen'));
    expect(unseen.length).toBeGreaterThan(5);
    for (const o of unseen) expect(Date.parse(o.issued ?? '')).toBeGreaterThan(nowMs - 14 * 86_400_000);
    expect(unseen.some((o) => o.interpretation?.[0]?.coding?.[0]?.code !== 'N')).toBe(true);
    const reports = ofType('DiagnosticReport') as DiagnosticReport[];
    expect(reports.some((r) => r.category?.[0]?.coding?.[0]?.code === 'RAD' && !!r.conclusion)).toBe(true);
  });

  it('writes notes of every type with escaped XHTML narrative', () => {
    const notes = ofType('Composition') as Composition[];
    const types = new Set(notes.map((n) => n.type.coding?.[0]?.code));
    for (const t of ['consultation', 'home-visit-report', 'triage-note', 'emergency-note', 'phone-contact', 'health-station-consultation', 'physio-note', 'nursing-home-report']) {
      expect(types.has(t), t).toBe(true);
    }
    for (const n of notes.slice(0, 2000)) {
      for (const s of n.section ?? []) {
        const inner = (s.text?.div ?? '').replace(/<\/?(div|p)( xmlns="http:\/\/www\.w3\.org\/1999\/xhtml")?>/g, '');
        expect(inner).not.toMatch(/[<>]/);
      }
    }
    const thisMorning = notes.filter((n) => n.type.coding?.[0]?.code === 'home-visit-report' && n.date.startsWith(TODAY));
    expect(thisMorning.length).toBeGreaterThan(0);
    for (const n of thisMorning) expect(Date.parse(n.date)).toBeLessThanOrEqual(nowMs);
  });

  it('puts every clinical fact in the past, except booked appointments', () => {
    for (const r of clinical) {
      if (r.resourceType === 'Appointment') continue;
      const when = r.meta?.lastUpdated ?? '';
      expect(Date.parse(when) <= nowMs, `${r.resourceType}/${r.id} ${when}`).toBe(true);
    }
  });
});

describe('heavy patients', () => {
  it('have dense five-year histories', () => {
    expect(HEAVY_PATIENT_IDS).toEqual(['pat-00001', 'pat-00002', 'pat-00003', 'pat-00004', 'pat-00005']);
    const options: SeedOptions = { seed: 20261126, patients: 2, now: NOW };
    expect(heavyPatientIds(options)).toEqual(['pat-00001', 'pat-00002']);
    const rs = generateClinical(generateCore(options), options);
    for (const id of heavyPatientIds(options)) {
      const mine = rs.filter((r) => subjectOf(r) === `Patient/${id}`);
      const notes = mine.filter((r) => r.resourceType === 'Composition').length;
      const obs = mine.filter((r) => r.resourceType === 'Observation').length;
      expect(notes, id).toBeGreaterThanOrEqual(300);
      expect(obs, id).toBeGreaterThanOrEqual(3000);
      const p = rs.find((r) => r.id === id) as Patient;
      expect(ageOf(p)).toBeGreaterThanOrEqual(70);
      expect(municipalityOf(p)).toBe('4601');
    }
    expect(validateResources([...generateCore(options).resources, ...rs], { limit: 10 })).toEqual([]);
  });
});

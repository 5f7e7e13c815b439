import type { Communication, EpisodeOfCare, MedicationStatement, Organization, Patient, Reference, Task } from 'fhir/r4';
import { CODE_SYSTEM, IDENTIFIER } from '../../src/domain/codeSystems';
import { buildEpikrise, buildMessage, buildReceipt, type MedicationChange } from '../../src/exchange/builders';
import { messageTypeOf, type MessageType } from '../../src/exchange/messageTypes';
import { statusOf, transition } from '../../src/exchange/status';
import type { Persona } from '../../src/session/personnel';
import type { FhirRepository } from '../fhir-server/repository';

/**
 * Simulated partners: the hospitals, Nav and barnevern are outside the product, so the mock
 * backend plays them.
 *
 * - Hospitals send, for a home care patient, "melding om innlagt pasient", then "utskrivningsklar
 *   pasient" and an epikrise (with medication changes), on a schedule relative to the scenario's
 *   now, or at once when a tester asks (POST /mock/partners/trigger).
 * - Every message to a partner (Nav, barnevern, a hospital) gets a receipt: the message is marked
 *   received and a Task (kvittering) says "Mottatt"; Nav moves a sick note on to "Under
 *   behandling" a minute later.
 *
 * The partners act when the backend calls `tickPartners` (before it answers a FHIR request):
 * what is due by the mock clock happens then. Events have fixed ids, so a reload that replays
 * the saved changes does not make them twice.
 */

export const HOSPITAL_EVENTS = ['innlagt-pasient', 'utskrivningsklar', 'epikrise'] as const;
export type HospitalEvent = (typeof HOSPITAL_EVENTS)[number];

export interface ScheduledEvent {
  /** The id of the Communication the event creates (the event happened when it exists). */
  id: string;
  kind: HospitalEvent;
  /** Mock-clock time (ms) it is due. */
  at: number;
  patientId: string;
}

interface PartnerState {
  schedule: ScheduledEvent[];
  /** References of the partners' organisations (messages to them get receipts). */
  partners: Set<string>;
  lastTick: number;
  triggered: number;
}

const STATE = new WeakMap<FhirRepository, PartnerState>();

function stateOf(repo: FhirRepository): PartnerState {
  let state = STATE.get(repo);
  if (!state) {
    state = { schedule: [], partners: new Set(['Organization/org-hus', 'Organization/org-stolav', 'Organization/org-unn']), lastTick: -Infinity, triggered: 0 };
    STATE.set(repo, state);
  }
  return state;
}

export const navId = (municipalityCode: string) => `org-nav-${municipalityCode}`;
export const barnevernId = (municipalityCode: string) => `org-barnevern-${municipalityCode}`;


/** Nav's and barnevern's offices for every municipality of the seed. */
export function addPartnerOrganizations(repo: FhirRepository, municipalities: readonly { code: string; name: string }[]): void {
  let her = 990_100;
  for (const m of municipalities) {
    const orgs: Organization[] = [
      { resourceType: 'Organization', id: navId(m.code), active: true, name: `Nav ${m.name}`, type: [{ coding: [{ system: CODE_SYSTEM.unitKind, code: 'nav', display: 'Nav' }] }] },
      { resourceType: 'Organization', id: barnevernId(m.code), active: true, name: `Barneverntjenesten i ${m.name}`, type: [{ coding: [{ system: CODE_SYSTEM.unitKind, code: 'barnevern', display: 'Barneverntjeneste' }] }] },
    ];
    for (const org of orgs) {
      stateOf(repo).partners.add(`Organization/${org.id ?? ''}`);
      org.identifier = [{ system: IDENTIFIER.herId, value: String(her++) }];
      if (!repo.get('Organization', org.id ?? '')) repo.create(org);
    }
  }
}

/** The first home care patient of the persona's unit whose GP is the municipality's GP persona (else the first). */
export function homeCarePatient(repo: FhirRepository, homeCare: Persona, gp: Persona | undefined): Patient | undefined {
  const bundle = repo.search('EpisodeOfCare', new URLSearchParams({ organization: `Organization/${homeCare.organizationId}`, status: 'active', _count: '200' }), '');
  const patients = (bundle.entry ?? [])
    .map((e) => (e.resource as EpisodeOfCare).patient.reference?.split('/')[1])
    .map((id) => (id ? (repo.get('Patient', id) as Patient | undefined) : undefined))
    .filter((p): p is Patient => Boolean(p && !p.deceasedBoolean && !p.deceasedDateTime));
  const found = patients.find((p) => p.generalPractitioner?.some((g) => g.reference === `PractitionerRole/${gp?.practitionerRoleId}`)) ?? patients[0];
  if (found || !gp) return found;
  // A small data set may give the unit no patients: the story's patient (on the GP's list) gets home care from it.
  const listed = repo.search('Patient', new URLSearchParams({ 'general-practitioner': `PractitionerRole/${gp.practitionerRoleId}`, _count: '50' }), '');
  const patient = (listed.entry ?? []).map((e) => e.resource as Patient).find((p) => !p.deceasedBoolean && !p.deceasedDateTime && p.birthDate && p.birthDate < '1960' && !repo.search('EpisodeOfCare', new URLSearchParams({ patient: p.id ?? '', status: 'active' }), '').entry?.length);
  if (!patient?.id) return undefined;
  const template = [...repo.all('EpisodeOfCare')].find((e) => (e as EpisodeOfCare).type?.some((t) => t.coding?.some((c) => c.code === 'home-care'))) as EpisodeOfCare | undefined;
  repo.create<EpisodeOfCare>({
    resourceType: 'EpisodeOfCare',
    id: 'eoc-xch-1',
    status: 'active',
    type: template?.type ?? [{ coding: [{ system: CODE_SYSTEM.service, code: 'home-care', display: 'Hjemmetjenester' }], text: 'Hjemmesykepleie' }],
    patient: { reference: `Patient/${patient.id}`, display: [...(patient.name?.[0]?.given ?? []), patient.name?.[0]?.family].filter(Boolean).join(' ') },
    managingOrganization: { reference: `Organization/${homeCare.organizationId}`, display: homeCare.unitName },
    period: { start: '2026-01-05' },
  });
  return patient;
}

function hospitalOf(repo: FhirRepository, municipalityCode: string): Reference {
  const id = municipalityCode === '5001' ? 'org-stolav' : municipalityCode === '5501' ? 'org-unn' : 'org-hus';
  const org = repo.get('Organization', id) as Organization | undefined;
  return { reference: `Organization/${id}`, display: org?.name ?? id };
}

function homeCareUnitOf(repo: FhirRepository, patientId: string): Reference | undefined {
  const bundle = repo.search('EpisodeOfCare', new URLSearchParams({ patient: patientId, status: 'active', _count: '20' }), '');
  const episodes = (bundle.entry ?? []).map((e) => e.resource as EpisodeOfCare);
  return episodes.find((e) => e.type?.some((t) => t.coding?.some((c) => c.code === 'home-care')))?.managingOrganization;
}

const iso = (ms: number) => new Date(ms).toISOString();

function medicationChanges(repo: FhirRepository, patientId: string): MedicationChange[] {
  const current = repo.search('MedicationStatement', new URLSearchParams({ patient: patientId, status: 'active', _count: '50' }), '');
  const statements = (current.entry ?? []).map((e) => e.resource as MedicationStatement);
  const changes: MedicationChange[] = [{ action: 'start', atc: 'C03CA01', name: 'Furosemid 40 mg tablett', dosage: '1 tablett morgen' }];
  const named = (s: MedicationStatement) => ({ atc: s.medicationCodeableConcept?.coding?.find((c) => c.system === CODE_SYSTEM.atc)?.code ?? '', name: s.medicationCodeableConcept?.text ?? s.medicationCodeableConcept?.coding?.[0]?.display ?? '' });
  const [first, second] = statements;
  if (first) changes.push({ action: 'stop', ...named(first) });
  if (second) changes.push({ action: 'change', ...named(second), dosage: '1/2 tablett morgen' });
  return changes.filter((c) => c.name);
}

/** Makes one hospital event happen at `time` (mock clock), as a Communication with the given id. */
export function runHospitalEvent(repo: FhirRepository, kind: HospitalEvent, patientId: string, id: string, time: number): Communication | undefined {
  if (repo.get('Communication', id)) return undefined;
  const patient = repo.get('Patient', patientId) as Patient | undefined;
  if (!patient) return undefined;
  const municipality = patient.address?.[0]?.extension?.[0]?.valueCoding?.code ?? '4601';
  const hospital = hospitalOf(repo, municipality);
  const homeCare = homeCareUnitOf(repo, patientId);
  const gp = patient.generalPractitioner?.[0];
  const name = [...(patient.name?.[0]?.given ?? []), patient.name?.[0]?.family].filter(Boolean).join(' ');
  const subject: Reference = { reference: `Patient/${patientId}`, display: name };
  const sent = iso(time);
  const sender = { unit: hospital };
  const toCare = homeCare ? [homeCare] : gp ? [gp] : [];
  let message: Communication;
  if (kind === 'epikrise') {
    const { document, message: m } = buildEpikrise({
      patient: subject,
      sender,
      hospital,
      recipients: [...(gp ? [gp] : []), ...(homeCare ? [homeCare] : [])],
      sent,
      title: 'Epikrise, Medisinsk avdeling',
      text: `${name} ble innlagt med forverring av hjertesvikt. Behandlet med intravenøs diuretika med god effekt; vekt ned 3 kg. Utskrives til hjemmet med økt hjemmesykepleie.\n\nLegemiddelendringer: se listen. Kontroll hos fastlege om 1 uke med elektrolytter og kreatinin.`,
      medicationChanges: medicationChanges(repo, patientId),
    });
    const stored = repo.create({ ...document, id: `${id}-doc` });
    message = { ...m, id, payload: m.payload?.map((p) => (p.contentReference ? { contentReference: { reference: `DocumentReference/${stored.id}`, display: p.contentReference.display ?? '' } } : p)) };
  } else if (kind === 'utskrivningsklar') {
    message = {
      ...buildMessage({ type: 'utskrivningsklar', patient: subject, sender, recipients: toCare, sent, priority: 'urgent', text: `${name} er utskrivningsklar fra Medisinsk avdeling i dag. Behov for økt hjemmesykepleie (morgen og kveld) og oppfølging av vekt. Meld tilbake om kommunen kan ta imot pasienten.` }),
      id,
    };
  } else {
    message = {
      ...buildMessage({ type: 'innlagt-pasient', patient: subject, sender, recipients: toCare, sent, text: `${name} er innlagt ved Medisinsk avdeling med tungpust og økende ødemer.` }),
      id,
    };
  }
  return repo.create(message);
}

/** Schedules the hospital's story for a patient: admitted (already, at `now − 1 day`), discharge-ready and epikrise later. */
export function scheduleHospitalStory(repo: FhirRepository, patientId: string, now: number, offsets: { dischargeReadyMin: number; epikriseMin: number }): void {
  runHospitalEvent(repo, 'innlagt-pasient', patientId, 'xch-innlagt-1', now - 24 * 3_600_000);
  const state = stateOf(repo);
  state.schedule.push(
    { id: 'xch-utskrivningsklar-1', kind: 'utskrivningsklar', at: now + offsets.dischargeReadyMin * 60_000, patientId },
    { id: 'xch-epikrise-1', kind: 'epikrise', at: now + offsets.epikriseMin * 60_000, patientId },
  );
}

/** A tester's trigger: the event happens now, for the given patient or the scheduled story's. */
export function triggerHospitalEvent(repo: FhirRepository, kind: HospitalEvent, patientId?: string): Communication | undefined {
  const state = stateOf(repo);
  const patient = patientId ?? state.schedule[0]?.patientId;
  if (!patient) return undefined;
  state.triggered += 1;
  return runHospitalEvent(repo, kind, patient, `xch-${kind}-t${Date.now().toString(36)}${state.triggered}`, repo.now().getTime());
}

export function scheduleOf(repo: FhirRepository): readonly ScheduledEvent[] {
  return stateOf(repo).schedule;
}

/** dd.mm.yyyy in Oslo, as the partners write dates in their status texts. */
const osloDate = (ms: number) => new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(ms));

/**
 * What a partner does after its receipt, and when: Nav takes a sick note or a medical
 * certificate into processing a minute later; the hospital assesses a referral two minutes later
 * (right to health care, with an appointment three weeks ahead).
 */
const NEXT_STEP: Partial<Record<MessageType, { afterMs: number; status: Task['status']; text: (now: number) => string }>> = {
  sykmelding: { afterMs: 60_000, status: 'in-progress', text: () => 'Under behandling' },
  legeerklaering: { afterMs: 60_000, status: 'in-progress', text: () => 'Under behandling' },
  henvisning: { afterMs: 120_000, status: 'accepted', text: (now) => `Vurdert: rett til helsehjelp, time ${osloDate(now + 21 * 86_400_000)}` },
};

function partnerReceipts(repo: FhirRepository, now: number): void {
  const partners = stateOf(repo).partners;
  const bundle = repo.search('Communication', new URLSearchParams({ recipient: [...partners].join(','), status: 'in-progress', _count: '1000' }), '');
  for (const entry of bundle.entry ?? []) {
    const message = entry.resource as Communication;
    const partner = message.recipient?.find((r) => partners.has(r.reference ?? ''));
    if (!partner || !message.id) continue;
    const type = messageTypeOf(message.category);
    const taskId = `kvittering-${message.id}`.slice(0, 64);
    if (statusOf(message) === 'sent') {
      const result = transition(message, { code: 'received', time: iso(now), by: partner }, { isQuestion: false });
      if (result.ok) repo.update(result.message);
      if (!repo.get('Task', taskId)) {
        repo.create({ ...buildReceipt({ message: { reference: `Communication/${message.id}` }, ...(message.subject ? { patient: message.subject } : {}), partner, time: iso(now), businessStatus: 'Mottatt' }), id: taskId });
      }
      continue;
    }
    // The partner's next step after the receipt (Nav processes, the hospital assesses a referral).
    const task = repo.get('Task', taskId) as Task | undefined;
    const step = type ? NEXT_STEP[type] : undefined;
    if (step && task && task.status === 'received' && Date.parse(task.lastModified ?? '') + step.afterMs <= now) {
      repo.update({ ...task, status: step.status, businessStatus: { text: step.text(now) }, lastModified: iso(now) });
    }
  }
}

/** What the partners do by now (mock clock). Cheap to call often: it runs at most once a second of mock time. */
export function tickPartners(repo: FhirRepository): void {
  const state = stateOf(repo);
  const now = repo.now().getTime();
  if (now - state.lastTick < 1_000) return;
  state.lastTick = now;
  for (const event of state.schedule) if (event.at <= now) runHospitalEvent(repo, event.kind, event.patientId, event.id, event.at);
  partnerReceipts(repo, now);
}

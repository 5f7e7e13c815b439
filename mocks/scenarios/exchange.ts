import type { Communication, Patient } from 'fhir/r4';
import { buildMessage } from '../../src/exchange/builders';
import type { MessageType } from '../../src/exchange/messageTypes';
import { transition } from '../../src/exchange/status';
import type { Persona } from '../../src/session/personnel';
import type { FhirRepository } from '../fhir-server/repository';
import { addPartnerOrganizations, homeCarePatient, scheduleHospitalStory } from '../partners/index';
import type { ScenarioContext } from './index';

/**
 * Exchange between services in a scenario: Nav's and barnevern's offices, and a hospital story
 * for a home care patient in Bergen (admitted yesterday; discharge-ready a few minutes after the
 * scenario starts, then the epikrise). Testers can make the hospital act at once instead
 * (POST /mock/partners/trigger, see the README).
 */

function bergen(ctx: ScenarioContext, group: Persona['personnelGroup']): Persona | undefined {
  return ctx.personas.find((p) => p.personnelGroup === group && p.municipalityName === 'Bergen') ?? ctx.personas.find((p) => p.personnelGroup === group);
}

export function addExchange(repo: FhirRepository, ctx: ScenarioContext, offsets = { dischargeReadyMin: 3, epikriseMin: 8 }): void {
  addPartnerOrganizations(repo, ctx.core.municipalities);
  const homeCare = bergen(ctx, 'homecare-nurse');
  if (!homeCare) return;
  const patient = homeCarePatient(repo, homeCare, bergen(ctx, 'gp'));
  if (patient?.id) scheduleHospitalStory(repo, patient.id, ctx.now.getTime(), offsets);
}

const TYPES: MessageType[] = ['helseopplysninger-lege', 'foresporsel', 'medisinske-opplysninger', 'avviksmelding', 'epikrise', 'legevakt-melding', 'notat'];
const TEXTS = [
  'Økende hevelse i begge ben siste tre dager. Vekt opp 2 kg. Ønsker vurdering av vanndrivende.',
  'Pasienten har hatt to fall denne uken. Blodtrykket var 98/60 sittende.',
  'Blodsukker målt 17,2 før frokost. Insulindose uendret.',
  'Feil dose Paracet gitt i morges (1 g i stedet for 500 mg). Pasienten er uten plager.',
  'Pasienten ønsker samtale om videre behandling og pleie.',
  'Sår på venstre legg er større og rødere. Bilde tatt og lagt i journalen.',
];

/**
 * A busy inbox: `count` messages to the Bergen GP's office (its Organization), about patients on
 * the GP's list, from home care, the emergency clinic and hospitals; mixed types, priorities and
 * states (a third read, a tenth handled). Deterministic. For `npm run bench` (BENCH_ONLY=inbox).
 */
export function addInboxLoad(repo: FhirRepository, ctx: ScenarioContext, count: number): void {
  const gp = bergen(ctx, 'gp');
  const homeCare = bergen(ctx, 'homecare-nurse');
  const ed = bergen(ctx, 'ed-doctor');
  if (!gp || !homeCare || !ed) return;
  const listed = repo.search('Patient', new URLSearchParams({ 'general-practitioner': `PractitionerRole/${gp.practitionerRoleId}`, _count: '500' }), '');
  const patients = (listed.entry ?? []).map((e) => e.resource as Patient);
  if (patients.length === 0) return;
  const now = ctx.now.getTime();
  const senders = [homeCare, ed];
  for (let i = 0; i < count; i++) {
    const patient = patients[i % patients.length]!;
    const from = senders[i % senders.length]!;
    const type = TYPES[i % TYPES.length]!;
    const sent = now - (i * 17 + 5) * 60_000;
    const name = [...(patient.name?.[0]?.given ?? []), patient.name?.[0]?.family].filter(Boolean).join(' ');
    let message: Communication = buildMessage({
      type,
      patient: { reference: `Patient/${patient.id}`, display: name },
      sender: { person: { reference: `PractitionerRole/${from.practitionerRoleId}`, display: from.name }, unit: { reference: `Organization/${from.organizationId}`, display: from.unitName } },
      recipients: [{ reference: `Organization/${gp.organizationId}`, display: gp.unitName }],
      text: TEXTS[i % TEXTS.length]!,
      sent: new Date(sent).toISOString(),
      priority: i % 9 === 0 ? 'urgent' : 'routine',
      due: new Date(sent + 24 * 3_600_000).toISOString(),
    });
    const by = { reference: `PractitionerRole/${gp.practitionerRoleId}` };
    if (i % 3 === 1) {
      const read = transition(message, { code: 'read', time: new Date(sent + 30 * 60_000).toISOString(), by }, { isQuestion: false });
      if (read.ok) message = read.message;
    }
    if (i % 10 === 7) {
      const handled = transition(message, { code: 'handled', time: new Date(sent + 60 * 60_000).toISOString(), by }, { isQuestion: false });
      if (handled.ok) message = handled.message;
    }
    repo.create({ ...message, id: `xch-load-${i + 1}` });
  }
}

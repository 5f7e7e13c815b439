import type { Consent } from 'fhir/r4';
import { CODE_SYSTEM } from '../domain/codeSystems';

/** Blocking (sperring) as FHIR Consent: see mocks/fhir-server/blocking.ts for what the server does with it. */
export const RESTRICTION_CATEGORY = { system: CODE_SYSTEM.restriction, code: 'sperret', display: 'Sperret' } as const;
export const PARTICIPATION = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';

/** A blocking Consent, for the GP's registration and for tests. */
export function blockingConsent(o: { patientId: string; blocked: string[]; data?: string[]; custodian?: string; date: string }): Consent {
  const actor: NonNullable<NonNullable<Consent['provision']>['actor']> = o.blocked.map((reference) => ({ role: { coding: [{ system: PARTICIPATION, code: 'PRCP' }] }, reference: { reference } }));
  if (o.custodian) actor.push({ role: { coding: [{ system: PARTICIPATION, code: 'CST' }] }, reference: { reference: o.custodian } });
  const consent: Consent = {
    resourceType: 'Consent',
    status: 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    category: [{ coding: [{ ...RESTRICTION_CATEGORY }] }],
    patient: { reference: `Patient/${o.patientId}` },
    dateTime: o.date,
    performer: [{ reference: `Patient/${o.patientId}` }],
    policyRule: { text: 'Sperring etter pasientens ønske' },
    provision: { type: 'deny', actor },
  };
  if (o.data?.length && consent.provision) consent.provision.data = o.data.map((reference) => ({ meaning: 'instance', reference: { reference } }));
  return consent;
}

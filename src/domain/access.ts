/**
 * Access to a patient's journal (DOMAIN.md "Access, privacy and logging"): the vocabulary the
 * mock server, the app and the tests share. The server decides; the app asks it.
 *
 * - Implicit access follows an active care relation (RELATIONS).
 * - Explicit access: the user states a reason from ACCESS_REASONS (plus optional free text) and
 *   gets EXPLICIT_ACCESS_MINUTES of access to that patient; it is logged with the reason.
 * - Emergency access ("akuttilgang"): a mandatory free-text reason, EMERGENCY_ACCESS_MINUTES of
 *   access, logged and put on the unit leader's review list.
 */

/** Code system of the reasons for explicit access (AuditEvent.purposeOfEvent). */
export const ACCESS_REASON_SYSTEM = 'urn:akson:codesystem:access-reason';
/** Code system of how access was granted (AuditEvent.agent.purposeOfUse / extension): implicit, explicit, emergency. */
export const ACCESS_BASIS_SYSTEM = 'urn:akson:codesystem:access-basis';
/** The care relation that gave implicit access. */
export const CARE_RELATION_SYSTEM = 'urn:akson:codesystem:care-relation';
/** OperationOutcome detail code of a 403 where stating a reason (or emergency access) opens the journal. */
export const ACCESS_OUTCOME_SYSTEM = 'urn:akson:codesystem:access-outcome';
/** Unit roles beyond the personnel group (PractitionerRole.code): leader (reviews explicit and emergency accesses). */
export const UNIT_ROLE_SYSTEM = 'urn:akson:codesystem:unit-role';
export const LEADER_CODE = { system: UNIT_ROLE_SYSTEM, code: 'leader', display: 'Leder' } as const;
/** meta.tag on a Patient when some of the journal is blocked (sperret) for the reader. */
export const BLOCKED_TAG = { system: ACCESS_OUTCOME_SYSTEM, code: 'blocked-content', display: 'Noe er sperret' } as const;
/** meta.tag on a Patient search result the reader has no access to: only what is needed to pick the right patient. */
export const REDUCED_TAG = { system: ACCESS_OUTCOME_SYSTEM, code: 'no-relation', display: 'Uten tjenstlig behov' } as const;

/** The fixed list of reasons for explicit access (the product's default; a municipality may change it). */
export const ACCESS_REASONS = ['ongoing-care', 'referral-or-request', 'colleague-assistance', 'follow-up', 'coordination', 'other'] as const;
export type AccessReason = (typeof ACCESS_REASONS)[number];
/** Norwegian displays of the reasons (the app's i18n has both languages). */
export const ACCESS_REASON_DISPLAY: Record<AccessReason | 'emergency', string> = {
  'ongoing-care': 'Pasienten får helsehjelp av meg nå',
  'referral-or-request': 'Henvisning eller forespørsel om pasienten',
  'colleague-assistance': 'Faglig bistand til kollega',
  'follow-up': 'Oppfølging etter helsehjelp jeg har gitt',
  coordination: 'Samhandling om pasientens tjenester',
  other: 'Annet',
  emergency: 'Akuttilgang',
};

export const EXPLICIT_ACCESS_MINUTES = 8 * 60;
export const EMERGENCY_ACCESS_MINUTES = 60;

export type AccessBasis = 'implicit' | 'explicit' | 'emergency' | 'administrative';

/** The care relations that give implicit access (issue #8). */
export const RELATIONS = ['gp-list', 'gp-office-list', 'home-care', 'emergency-registered', 'health-station', 'nursing-home', 'physio', 'appointment'] as const;
export type CareRelation = (typeof RELATIONS)[number];

export function isAccessReason(value: unknown): value is AccessReason {
  return typeof value === 'string' && (ACCESS_REASONS as readonly string[]).includes(value);
}

/** The name of the custom operation that grants explicit or emergency access: POST Patient/{id}/$access. */
export const ACCESS_OPERATION = '$access';

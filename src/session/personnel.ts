/**
 * Personnel groups: who a signed-in user is in the product. A personnel group decides the
 * workspace a user lands in, and (later) which layout modules and data they may use.
 */
export const PERSONNEL_GROUPS = [
  'gp',
  'gp-nurse',
  'ed-doctor',
  'ed-nurse',
  'homecare-nurse',
  'homecare-worker',
  'hs-nurse',
  'nh-nurse',
  'physio',
  'admin-staff',
  'config-admin',
] as const;
export type PersonnelGroup = (typeof PERSONNEL_GROUPS)[number];

/** The kinds of unit (place of treatment) a person works in. */
export const UNIT_KINDS = ['gp-office', 'emergency-clinic', 'home-care-district', 'health-station', 'nursing-home', 'physio-clinic', 'municipal-admin'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Workspaces: one per personnel group family; each is a lazily loaded route. */
export const WORKSPACES = ['gp-office', 'emergency', 'home-care', 'health-station', 'nursing-home', 'physio', 'front-desk', 'configuration'] as const;
export type WorkspaceId = (typeof WORKSPACES)[number];

export const WORKSPACE_OF_GROUP: Record<PersonnelGroup, WorkspaceId> = {
  gp: 'gp-office',
  'gp-nurse': 'gp-office',
  'ed-doctor': 'emergency',
  'ed-nurse': 'emergency',
  'homecare-nurse': 'home-care',
  'homecare-worker': 'home-care',
  'hs-nurse': 'health-station',
  'nh-nurse': 'nursing-home',
  physio: 'physio',
  'admin-staff': 'front-desk',
  'config-admin': 'configuration',
};

/** Health personnel category (code system 9060) of each group; null for non-health personnel. */
export const CATEGORY_OF_GROUP: Record<PersonnelGroup, 'LE' | 'SP' | 'HF' | 'FT' | null> = {
  gp: 'LE',
  'gp-nurse': 'SP',
  'ed-doctor': 'LE',
  'ed-nurse': 'SP',
  'homecare-nurse': 'SP',
  'homecare-worker': 'HF',
  'hs-nurse': 'SP',
  'nh-nurse': 'SP',
  physio: 'FT',
  'admin-staff': null,
  'config-admin': null,
};

/**
 * A persona: a synthetic person one can sign in as with the mock backend. The mock server
 * lists them at GET /personas and gives a token for one at POST /token.
 */
export interface Persona {
  id: string;
  name: string;
  personnelGroup: PersonnelGroup;
  practitionerId: string;
  practitionerRoleId: string;
  organizationId: string;
  unitName: string;
  unitKind: UnitKind;
  municipalityCode: string;
  municipalityName: string;
  /** HPR number for health personnel; absent for non-health personnel. */
  hprNumber?: string;
}

/** Groups who work with clinical content (everyone but administrative staff and configuration administrators). */
export const CLINICAL_GROUPS: readonly PersonnelGroup[] = ['gp', 'gp-nurse', 'ed-doctor', 'ed-nurse', 'homecare-nurse', 'homecare-worker', 'hs-nurse', 'nh-nurse', 'physio'];

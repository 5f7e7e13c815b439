import type { AllergyIntolerance, Annotation, CodeableConcept, Extension, Flag, Reference } from 'fhir/r4';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { codingOf, conceptText } from '../../fhir/format';
import { isSevereAllergy } from '../../fhir/patients';

/**
 * Critical information (Kjernejournal "kritisk informasjon") as FHIR R4, and the form the module
 * edits it with. Pure: no React, no i18n (the words written into the journal are Norwegian, as
 * in the seed; the screen translates codes).
 *
 * - Hypersensitivity is an AllergyIntolerance; the five other categories are Flags with
 *   `category` coded in CODE_SYSTEM.criticalInfoCategory and the description in `code.text`.
 * - Certainty: R4 has no "presumed", so Sannsynlig is `unconfirmed` with text "Sannsynlig",
 *   Mistenkt `unconfirmed` with text "Mistenkt", Bekreftet `confirmed` (as the seed writes it).
 *   Flags have no verificationStatus: the same CodeableConcept goes in an extension.
 * - Source (who reported it) is an extension with a coded source and an optional free-text detail;
 *   when the patient reported it, AllergyIntolerance.asserter is the Patient as well.
 * - Who recorded it: AllergyIntolerance.recorder / Flag.author (the PractitionerRole), and when:
 *   recordedDate (a Flag has none: an extension, else period.start as in the seed). A correction
 *   keeps those and says who changed it in a `changed-by` extension; the time is meta.lastUpdated.
 * - Refuted: verificationStatus refuted + clinicalStatus inactive (allergy), status inactive +
 *   the verification extension refuted (flag); the optional reason is an Annotation marked as
 *   the refutation reason (AllergyIntolerance.note; a Flag has no note, so an extension).
 */

export const CATEGORY_CODES = [
  'allergy',
  'anaesthesia-complication',
  'critical-condition',
  'ongoing-treatment-implant',
  'treatment-routine-change',
  'infection-risk',
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];
export type FlagCategory = Exclude<CategoryCode, 'allergy'>;

/** Categories where the certainty of the information is asked for (optional on flags). */
export const CERTAINTY_CATEGORIES: ReadonlySet<CategoryCode> = new Set(['allergy', 'anaesthesia-complication', 'critical-condition', 'infection-risk']);

export const CERTAINTIES = ['suspected', 'probable', 'confirmed'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export const SOURCES = ['patient', 'relative', 'health-personnel', 'hospital-record', 'other'] as const;
export type SourceCode = (typeof SOURCES)[number];

export const SUBSTANCE_KINDS = ['medication', 'food', 'environment', 'biologic'] as const;
export type SubstanceKind = (typeof SUBSTANCE_KINDS)[number];

export const ALLERGY_CLINICAL_SYSTEM = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
export const ALLERGY_VERIFICATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';
export const SOURCE_SYSTEM = 'urn:akson:codesystem:information-source';

export const EXT = {
  /** valueCodeableConcept: SOURCE_SYSTEM code, text = the detail the user gave. */
  source: 'urn:akson:extension:information-source',
  /** Flag only. valueCodeableConcept as AllergyIntolerance.verificationStatus. */
  verification: 'urn:akson:extension:verification-status',
  /** Flag only. valueDateTime: when it was recorded. */
  recordedDate: 'urn:akson:extension:recorded-date',
  /** valueReference: the PractitionerRole who wrote this version (absent on the first). */
  changedBy: 'urn:akson:extension:changed-by',
  /** Flag only. valueAnnotation (a Flag has no note element). */
  note: 'urn:akson:extension:note',
  /** On an Annotation, valueBoolean true: the annotation is the reason the entry was refuted. */
  refutedReason: 'urn:akson:extension:refuted-reason',
} as const;

/** The Norwegian words the journal stores (Kjernejournal terms; the seed writes the same). */
const CERTAINTY_TEXT: Record<Certainty | 'refuted', string> = { suspected: 'Mistenkt', probable: 'Sannsynlig', confirmed: 'Bekreftet', refuted: 'Avkreftet' };
const CERTAINTY_CODE: Record<Certainty | 'refuted', { code: string; display: string }> = {
  suspected: { code: 'unconfirmed', display: 'Unconfirmed' },
  probable: { code: 'unconfirmed', display: 'Unconfirmed' },
  confirmed: { code: 'confirmed', display: 'Confirmed' },
  refuted: { code: 'refuted', display: 'Refuted' },
};
export const CATEGORY_DISPLAY: Record<FlagCategory, string> = {
  'anaesthesia-complication': 'Komplikasjoner ved anestesi',
  'critical-condition': 'Kritiske medisinske tilstander',
  'ongoing-treatment-implant': 'Pågående behandlinger og implantater',
  'treatment-routine-change': 'Endringer i behandlingsrutiner',
  'infection-risk': 'Smitte',
};
const SOURCE_DISPLAY: Record<SourceCode, string> = {
  patient: 'Pasienten selv',
  relative: 'Pårørende',
  'health-personnel': 'Helsepersonell',
  'hospital-record': 'Sykehusjournal eller epikrise',
  other: 'Annen kilde',
};

export function certaintyConcept(certainty: Certainty | 'refuted'): CodeableConcept {
  const { code, display } = CERTAINTY_CODE[certainty];
  return { coding: [{ system: ALLERGY_VERIFICATION_SYSTEM, code, display }], text: CERTAINTY_TEXT[certainty] };
}

function clinicalConcept(code: 'active' | 'inactive'): CodeableConcept {
  return { coding: [{ system: ALLERGY_CLINICAL_SYSTEM, code, display: code === 'active' ? 'Active' : 'Inactive' }], text: code === 'active' ? 'Aktiv' : 'Inaktiv' };
}

/** Certainty from a verification status: unconfirmed is "Sannsynlig" only when its text says so. */
export function certaintyOf(concept: CodeableConcept | undefined): Certainty | 'refuted' | 'entered-in-error' | undefined {
  const code = concept?.coding?.find((c) => c.code)?.code;
  const text = concept?.text?.trim().toLocaleLowerCase('nb');
  if (code === 'refuted') return 'refuted';
  if (code === 'entered-in-error') return 'entered-in-error';
  if (code === 'confirmed') return 'confirmed';
  if (code === 'provisional' || code === 'presumed') return 'probable';
  if (code === 'unconfirmed') return text === 'sannsynlig' ? 'probable' : 'suspected';
  return undefined;
}

export type CriticalResource = AllergyIntolerance | Flag;

function extensionOf(resource: { extension?: Extension[] }, url: string): Extension | undefined {
  return resource.extension?.find((e) => e.url === url);
}

/** The resource's extensions with `url` replaced by `next` (or removed). */
function withExtension(extensions: Extension[] | undefined, url: string, next: Extension | undefined): Extension[] | undefined {
  const rest = (extensions ?? []).filter((e) => e.url !== url);
  const out = next ? [...rest, next] : rest;
  return out.length > 0 ? out : undefined;
}

function isSourceCode(code: string | undefined): code is SourceCode {
  return (SOURCES as readonly string[]).includes(code ?? '');
}

function isFlagCategory(code: string | undefined): code is FlagCategory {
  return code !== undefined && code in CATEGORY_DISPLAY;
}

export function flagCategoryOf(flag: Flag): FlagCategory | undefined {
  for (const concept of flag.category ?? []) {
    const code = codingOf(concept, CODE_SYSTEM.criticalInfoCategory)?.code;
    if (isFlagCategory(code)) return code;
  }
  return undefined;
}


function reasonAnnotation(annotations: readonly Annotation[] | undefined): Annotation | undefined {
  return [...(annotations ?? [])].reverse().find((a) => a.extension?.some((e) => e.url === EXT.refutedReason && e.valueBoolean));
}

function flagNotes(flag: Flag): Annotation[] {
  return (flag.extension ?? []).filter((e) => e.url === EXT.note && e.valueAnnotation).map((e) => e.valueAnnotation as Annotation);
}

/** One entry of the list, read from its resource. */
export interface CriticalEntry {
  /** "AllergyIntolerance/id" or "Flag/id". */
  key: string;
  resource: CriticalResource;
  /** undefined: a Flag outside the six categories (shown, but not edited here). */
  category: CategoryCode | undefined;
  /** Substance (allergy) or description (flag). */
  text: string;
  atcCode: string;
  substanceKind: SubstanceKind | undefined;
  reaction: string;
  severe: boolean;
  certainty: Certainty | undefined;
  refuted: boolean;
  source: SourceCode | undefined;
  sourceDetail: string;
  /** Onset (allergy) or period start (flag), as stored. */
  startDate: string;
  recordedDate: string | undefined;
  recorder: Reference | undefined;
  changedBy: Reference | undefined;
  lastUpdated: string | undefined;
  version: number;
  refutedReason: string;
}

function sourceOf(resource: CriticalResource): { source: SourceCode | undefined; sourceDetail: string } {
  const concept = extensionOf(resource, EXT.source)?.valueCodeableConcept;
  const code = codingOf(concept, SOURCE_SYSTEM)?.code;
  const source = isSourceCode(code) ? code : undefined;
  // The text is the user's detail; when it only repeats the coded word, there is no detail.
  const text = concept?.text ?? '';
  return { source, sourceDetail: source && text === SOURCE_DISPLAY[source] ? '' : text };
}

export function entryOf(resource: CriticalResource): CriticalEntry {
  const base = {
    key: `${resource.resourceType}/${resource.id ?? ''}`,
    resource,
    ...sourceOf(resource),
    changedBy: extensionOf(resource, EXT.changedBy)?.valueReference,
    lastUpdated: resource.meta?.lastUpdated,
    version: Number(resource.meta?.versionId ?? '1') || 1,
  };
  if (resource.resourceType === 'AllergyIntolerance') {
    const verification = certaintyOf(resource.verificationStatus);
    const kind = resource.category?.[0];
    return {
      ...base,
      category: 'allergy',
      text: conceptText(resource.code),
      atcCode: codingOf(resource.code, CODE_SYSTEM.atc)?.code ?? '',
      substanceKind: kind && (SUBSTANCE_KINDS as readonly string[]).includes(kind) ? (kind as SubstanceKind) : undefined,
      reaction: reactionText(resource),
      severe: isSevereAllergy(resource),
      certainty: verification === 'refuted' || verification === 'entered-in-error' ? undefined : verification,
      refuted: verification === 'refuted' || verification === 'entered-in-error',
      startDate: resource.onsetDateTime ?? resource.onsetPeriod?.start ?? '',
      recordedDate: resource.recordedDate,
      recorder: resource.recorder,
      refutedReason: reasonAnnotation(resource.note)?.text ?? '',
    };
  }
  const verification = certaintyOf(extensionOf(resource, EXT.verification)?.valueCodeableConcept);
  return {
    ...base,
    category: flagCategoryOf(resource),
    text: conceptText(resource.code),
    atcCode: '',
    substanceKind: undefined,
    reaction: '',
    severe: false,
    certainty: verification === 'refuted' || verification === 'entered-in-error' ? undefined : verification,
    refuted: verification === 'refuted' || resource.status === 'entered-in-error',
    startDate: resource.period?.start ?? '',
    recordedDate: extensionOf(resource, EXT.recordedDate)?.valueDateTime ?? resource.period?.start,
    recorder: resource.author,
    refutedReason: reasonAnnotation(flagNotes(resource))?.text ?? '',
  };
}

function reactionText(allergy: AllergyIntolerance): string {
  return (allergy.reaction ?? [])
    .flatMap((r) => r.manifestation.map(conceptText))
    .filter(Boolean)
    .join(', ');
}

/** Entries in DOMAIN.md's category order; within one, severe first, then active before refuted, then newest first. */
export function groupEntries(entries: readonly CriticalEntry[]): { category: CategoryCode | undefined; entries: CriticalEntry[] }[] {
  const order: (CategoryCode | undefined)[] = [...CATEGORY_CODES, undefined];
  return order
    .map((category) => ({
      category,
      entries: entries
        .filter((e) => e.category === category)
        .sort(
          (a, b) =>
            Number(a.refuted) - Number(b.refuted) ||
            Number(b.severe) - Number(a.severe) ||
            (b.recordedDate ?? '').localeCompare(a.recordedDate ?? '') ||
            a.key.localeCompare(b.key),
        ),
    }))
    .filter((g) => g.entries.length > 0);
}

// ---------------------------------------------------------------------------------------------
// The form

export interface CriticalForm {
  category: CategoryCode;
  /** Substance (allergy) or description. */
  text: string;
  atcCode: string;
  substanceKind: SubstanceKind;
  reaction: string;
  severity: 'severe' | 'not-severe' | '';
  certainty: Certainty | '';
  source: SourceCode | '';
  sourceDetail: string;
  /** yyyy-MM-dd, or empty. */
  startDate: string;
}

export function emptyForm(category: CategoryCode = 'allergy'): CriticalForm {
  return { category, text: '', atcCode: '', substanceKind: 'medication', reaction: '', severity: '', certainty: '', source: '', sourceDetail: '', startDate: '' };
}

/** The date part (yyyy-MM-dd) of a FHIR date or dateTime, as written. */
export function datePart(value: string | undefined): string {
  return /^\d{4}-\d{2}-\d{2}/.test(value ?? '') ? (value as string).slice(0, 10) : '';
}

export function formOf(entry: CriticalEntry): CriticalForm {
  return {
    category: entry.category ?? 'critical-condition',
    text: entry.text,
    atcCode: entry.atcCode,
    substanceKind: entry.substanceKind ?? 'medication',
    reaction: entry.reaction,
    severity: entry.category === 'allergy' ? (entry.severe ? 'severe' : 'not-severe') : '',
    certainty: entry.certainty ?? '',
    source: entry.source ?? '',
    sourceDetail: entry.sourceDetail,
    startDate: datePart(entry.startDate),
  };
}

export type FormField = 'category' | 'text' | 'atcCode' | 'reaction' | 'severity' | 'certainty' | 'source' | 'sourceDetail' | 'startDate';
export type ErrorKey = 'substanceRequired' | 'descriptionRequired' | 'atcFormat' | 'severityRequired' | 'certaintyRequired' | 'sourceRequired' | 'dateInvalid' | 'dateFuture' | 'dateBeforeBirth' | 'tooLong';
export type FormErrors = Partial<Record<FormField, ErrorKey>>;

/** Form fields in the order they stand on screen (the first with an error gets focus). */
export const FIELD_ORDER: readonly FormField[] = ['category', 'text', 'atcCode', 'reaction', 'severity', 'certainty', 'source', 'sourceDetail', 'startDate'];

/** ATC levels 2–5 (J01, J01C, J01CE, J01CE02), first letter one of the 14 anatomical groups. */
const ATC_PATTERN = /^[ABCDGHJLMNPRSV]\d{2}([A-Z]([A-Z](\d{2})?)?)?$/;
export const MAX_TEXT = 200;

export function normaliseAtc(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * What must be corrected before saving. `today` and `birthDate` are yyyy-MM-dd. Required:
 * the substance or description, the source; for hypersensitivity also severity and certainty.
 */
export function validateForm(form: CriticalForm, { today, birthDate }: { today: string; birthDate?: string | undefined }): FormErrors {
  const errors: FormErrors = {};
  const allergy = form.category === 'allergy';
  if (!form.text.trim()) errors.text = allergy ? 'substanceRequired' : 'descriptionRequired';
  else if (form.text.trim().length > MAX_TEXT) errors.text = 'tooLong';
  if (allergy && form.atcCode.trim() && !ATC_PATTERN.test(normaliseAtc(form.atcCode))) errors.atcCode = 'atcFormat';
  if (allergy && form.reaction.trim().length > MAX_TEXT) errors.reaction = 'tooLong';
  if (allergy && !form.severity) errors.severity = 'severityRequired';
  if (allergy && !form.certainty) errors.certainty = 'certaintyRequired';
  if (!form.source) errors.source = 'sourceRequired';
  if (form.sourceDetail.trim().length > MAX_TEXT) errors.sourceDetail = 'tooLong';
  if (form.startDate) {
    if (!isRealDate(form.startDate)) errors.startDate = 'dateInvalid';
    else if (form.startDate > today) errors.startDate = 'dateFuture';
    else if (birthDate && isRealDate(birthDate) && form.startDate < birthDate) errors.startDate = 'dateBeforeBirth';
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Form → resource

export interface WriteContext {
  patientId: string;
  /** The signed-in user's PractitionerRole (reference + display name). */
  author: Reference;
  now: Date;
}

function sourceExtension(form: CriticalForm): Extension | undefined {
  if (!form.source) return undefined;
  const detail = form.sourceDetail.trim();
  return {
    url: EXT.source,
    valueCodeableConcept: { coding: [{ system: SOURCE_SYSTEM, code: form.source, display: SOURCE_DISPLAY[form.source] }], text: detail || SOURCE_DISPLAY[form.source] },
  };
}

function changedByExtension(author: Reference): Extension {
  return { url: EXT.changedBy, valueReference: { ...author } };
}

function substanceConcept(form: CriticalForm, base: AllergyIntolerance | undefined, baseForm: CriticalForm | undefined): CodeableConcept {
  const text = form.text.trim();
  const atc = normaliseAtc(form.atcCode);
  // Unchanged: keep the stored codes (SNOMED, display names) as they are.
  if (base?.code && baseForm && baseForm.text === form.text && normaliseAtc(baseForm.atcCode) === atc) return base.code;
  const concept: CodeableConcept = { text };
  if (atc) concept.coding = [{ system: CODE_SYSTEM.atc, code: atc }];
  return concept;
}

function reactions(form: CriticalForm, base: AllergyIntolerance | undefined, baseForm: CriticalForm | undefined): AllergyIntolerance['reaction'] {
  const severe = form.severity === 'severe';
  const text = form.reaction.trim();
  let out: NonNullable<AllergyIntolerance['reaction']>;
  if (base?.reaction && baseForm && baseForm.reaction === form.reaction) {
    out = base.reaction.map((r) => ({ ...r }));
  } else if (text) {
    out = [{ manifestation: [{ text }] }];
  } else {
    return undefined;
  }
  for (const r of out) {
    if (severe && out.length === 1) r.severity = 'severe';
    else if (!severe && r.severity === 'severe') delete r.severity;
  }
  return out;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The resource to write for a form: a new one (no base), or the base corrected (what the form
 * does not show is kept, and so are the stored codes of fields the user left unchanged).
 */
export function resourceFromForm(form: CriticalForm, ctx: WriteContext, base?: CriticalResource): CriticalResource {
  const baseForm = base ? formOf(entryOf(base)) : undefined;
  const patient: Reference = { reference: `Patient/${ctx.patientId}` };
  // An unchanged date keeps what is stored (a time of day, a period); a changed one is the date typed.
  const startUnchanged = baseForm !== undefined && baseForm.startDate === form.startDate;
  const start = form.startDate || undefined;
  let extension = withExtension(base?.extension, EXT.source, sourceExtension(form));
  if (base) extension = withExtension(extension, EXT.changedBy, changedByExtension(ctx.author));

  if (form.category === 'allergy') {
    const old = base?.resourceType === 'AllergyIntolerance' ? base : undefined;
    const asserterIsPatient = old?.asserter?.reference?.startsWith('Patient/');
    const asserter = form.source === 'patient' ? patient : asserterIsPatient ? undefined : old?.asserter;
    const certainty = form.certainty || 'suspected';
    const sameCertainty = old && baseForm?.certainty === certainty;
    const onsetKept = old !== undefined && startUnchanged;
    const allergy: AllergyIntolerance = stripUndefined({
      ...old,
      resourceType: 'AllergyIntolerance',
      extension,
      clinicalStatus: old?.clinicalStatus ?? clinicalConcept('active'),
      verificationStatus: sameCertainty ? old.verificationStatus : certaintyConcept(certainty),
      category: [form.substanceKind],
      criticality: form.severity === 'severe' ? 'high' : 'low',
      code: substanceConcept(form, old, baseForm),
      patient: old?.patient ?? patient,
      onsetDateTime: onsetKept ? old.onsetDateTime : start,
      onsetPeriod: onsetKept ? old.onsetPeriod : undefined,
      onsetAge: onsetKept ? old.onsetAge : undefined,
      onsetRange: onsetKept ? old.onsetRange : undefined,
      onsetString: onsetKept ? old.onsetString : undefined,
      recordedDate: old?.recordedDate ?? ctx.now.toISOString(),
      recorder: old?.recorder ?? { ...ctx.author },
      asserter,
      reaction: reactions(form, old, baseForm),
    });
    return allergy;
  }

  const old = base?.resourceType === 'Flag' ? base : undefined;
  const certainty = CERTAINTY_CATEGORIES.has(form.category) ? form.certainty : '';
  const sameCertainty = old && baseForm?.certainty === certainty;
  const verification = extensionOf(old ?? {}, EXT.verification);
  extension = withExtension(
    extension,
    EXT.verification,
    sameCertainty ? verification : certainty ? { url: EXT.verification, valueCodeableConcept: certaintyConcept(certainty) } : undefined,
  );
  if (!old) extension = withExtension(extension, EXT.recordedDate, { url: EXT.recordedDate, valueDateTime: ctx.now.toISOString() });
  const text = form.text.trim();
  const category = old && flagCategoryOf(old) === form.category ? old.category : [{ coding: [{ system: CODE_SYSTEM.criticalInfoCategory, code: form.category, display: CATEGORY_DISPLAY[form.category] }] }];
  const flag: Flag = stripUndefined({
    ...old,
    resourceType: 'Flag',
    extension,
    status: old?.status ?? 'active',
    category,
    code: old && baseForm?.text === form.text ? old.code : { text },
    subject: old?.subject ?? patient,
    period: old && startUnchanged ? old.period : start ? { ...old?.period, start } : old?.period?.end ? { end: old.period.end } : undefined,
    author: old?.author ?? { ...ctx.author },
  });
  return flag;
}

/** The entry marked refuted: it leaves the active list and the patient context bar. */
export function refutedResource(base: CriticalResource, ctx: Omit<WriteContext, 'patientId'> & { reason?: string }): CriticalResource {
  const reason = ctx.reason?.trim();
  const note: Annotation | undefined = reason
    ? { authorReference: { ...ctx.author }, time: ctx.now.toISOString(), text: reason, extension: [{ url: EXT.refutedReason, valueBoolean: true }] }
    : undefined;
  const extension = withExtension(base.extension, EXT.changedBy, changedByExtension(ctx.author));
  if (base.resourceType === 'AllergyIntolerance') {
    return stripUndefined({
      ...base,
      extension,
      clinicalStatus: clinicalConcept('inactive'),
      verificationStatus: certaintyConcept('refuted'),
      note: note ? [...(base.note ?? []), note] : base.note,
    });
  }
  let flagExtension = withExtension(extension, EXT.verification, { url: EXT.verification, valueCodeableConcept: certaintyConcept('refuted') });
  if (note) flagExtension = [...(flagExtension ?? []), { url: EXT.note, valueAnnotation: note }];
  return stripUndefined({
    ...base,
    extension: flagExtension,
    status: 'inactive',
    period: { ...base.period, end: ctx.now.toISOString() },
  });
}

// ---------------------------------------------------------------------------------------------
// Comparing versions (history, conflicts)

export type CompareField = 'category' | 'text' | 'atcCode' | 'substanceKind' | 'reaction' | 'severity' | 'certainty' | 'source' | 'sourceDetail' | 'startDate' | 'status';

/** An entry's fields as raw values (codes, dates) for comparison; the screen translates them. */
export function comparableFields(entry: CriticalEntry): { field: CompareField; value: string }[] {
  const allergy = entry.category === 'allergy';
  const out: { field: CompareField; value: string }[] = [
    { field: 'category', value: entry.category ?? '' },
    { field: 'text', value: entry.text },
  ];
  if (allergy) {
    out.push(
      { field: 'atcCode', value: entry.atcCode },
      { field: 'substanceKind', value: entry.substanceKind ?? '' },
      { field: 'reaction', value: entry.reaction },
      { field: 'severity', value: entry.severe ? 'severe' : 'not-severe' },
    );
  }
  out.push(
    { field: 'certainty', value: entry.certainty ?? '' },
    { field: 'source', value: entry.source ?? '' },
    { field: 'sourceDetail', value: entry.sourceDetail },
    { field: 'startDate', value: datePart(entry.startDate) },
    { field: 'status', value: entry.refuted ? 'refuted' : 'active' },
  );
  return out;
}

/** What changed from `older` to `newer` (refuting replaces the certainty: that is one change, of status). */
export function changesBetween(older: CriticalEntry, newer: CriticalEntry): { field: CompareField; from: string; to: string }[] {
  const before = new Map(comparableFields(older).map((f) => [f.field, f.value]));
  const refutedNow = newer.refuted && !older.refuted;
  return comparableFields(newer)
    .filter((f) => (before.get(f.field) ?? '') !== f.value && !(refutedNow && f.field === 'certainty'))
    .map((f) => ({ field: f.field, from: before.get(f.field) ?? '', to: f.value }));
}

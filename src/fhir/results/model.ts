import type { Bundle, DiagnosticReport, Observation, Reference } from 'fhir/r4';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import type { ServiceCode } from '../../domain/services';
import { codingOf, conceptText, referenceId } from '../format';
import { hasUnseenTag, reviewOf, type Review } from './review';

/**
 * Pure logic of the results module: a DiagnosticReport (one request: one sample or one
 * examination) with its Observations as one view, flags, ordering, filters and trend series.
 */

/** HL7 v3 ObservationInterpretation (H, L, HH, LL, A, N …). */
export const INTERPRETATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
/** HL7 v2 table 0074 (diagnostic service section): LAB, RAD, and the imaging sections. */
export const SECTION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0074';
const IMAGING_SECTIONS = new Set(['RAD', 'RX', 'CT', 'NMR', 'NMS', 'US', 'CUS', 'OUS', 'RUS', 'VUS', 'NRS', 'MR']);

export type ReportKind = 'lab' | 'rad';
/** What the flag column says. N = within range; undefined = no range and no interpretation. */
export type Flag = 'H' | 'L' | 'HH' | 'LL' | 'A' | 'N';

export interface AnalysisView {
  id: string;
  /** NLK code (or another system's code when the lab sent no NLK code). */
  code?: string;
  system?: string;
  /** What the trend groups by: the code and the unit (values in different units are not one series). */
  key: string;
  name: string;
  value?: number;
  /** A value that is not a number (valueString, valueCodeableConcept). */
  valueText?: string;
  unit: string;
  low?: number;
  high?: number;
  /** The lab's own text of the range when it gave no numbers. */
  rangeText?: string;
  flag?: Flag;
  abnormal: boolean;
  /** When the sample was taken (ISO). */
  at?: string;
  unseen: boolean;
}

export interface ReportView {
  id: string;
  kind: ReportKind;
  title: string;
  /** When the sample was taken / the examination done (effective). */
  sampled?: string;
  issued?: string;
  status: DiagnosticReport['status'];
  /** The lab or the radiology department. */
  performer?: Reference;
  /** The radiologist (resultsInterpreter). */
  interpreter?: Reference;
  conclusion?: string;
  analyses: AnalysisView[];
  /** Results the report refers to that were not in the bundle. */
  missing: number;
  /** Analyses left out by the "only abnormal" filter. */
  hiddenNormal: number;
  unseen: boolean;
  abnormal: boolean;
  review?: Review;
  resource: DiagnosticReport;
  observations: Observation[];
}

// ---------------------------------------------------------------------------------------------
// Bundles

export interface LabData {
  reports: DiagnosticReport[];
  observations: ReadonlyMap<string, Observation>;
}

/** The reports (matches) and their results (included Observations) of every page, in page order. */
export function collectBundles(bundles: readonly Bundle[]): LabData {
  const reports: DiagnosticReport[] = [];
  const seen = new Set<string>();
  const observations = new Map<string, Observation>();
  for (const bundle of bundles) {
    for (const entry of bundle.entry ?? []) {
      const r = entry.resource;
      if (r?.resourceType === 'DiagnosticReport' && entry.search?.mode !== 'include') {
        if (r.id && seen.has(r.id)) continue;
        if (r.id) seen.add(r.id);
        reports.push(r);
      } else if (r?.resourceType === 'Observation' && r.id) {
        observations.set(r.id, r);
      }
    }
  }
  return { reports, observations };
}

// ---------------------------------------------------------------------------------------------
// One report

export function reportKind(report: DiagnosticReport): ReportKind {
  for (const concept of report.category ?? []) {
    for (const c of concept.coding ?? []) {
      if ((c.system === SECTION_SYSTEM || !c.system) && c.code && IMAGING_SECTIONS.has(c.code.toUpperCase())) return 'rad';
    }
  }
  return 'lab';
}

const FLAG_OF_CODE: Record<string, Flag> = {
  H: 'H',
  HU: 'HH',
  HH: 'HH',
  L: 'L',
  LU: 'LL',
  LL: 'LL',
  A: 'A',
  AA: 'A',
  N: 'N',
};

/**
 * The flag of a result: the lab's own interpretation (H, L, HH, LL, A, N) when it gave one, else
 * the value against the reference range (above high → H, below low → L), else none.
 */
export function flagOf(o: Pick<Observation, 'interpretation' | 'valueQuantity' | 'referenceRange'>): Flag | undefined {
  for (const concept of o.interpretation ?? []) {
    for (const c of concept.coding ?? []) {
      if (c.system && c.system !== INTERPRETATION_SYSTEM) continue;
      const flag = c.code ? FLAG_OF_CODE[c.code.toUpperCase()] : undefined;
      if (flag) return flag;
    }
  }
  const value = o.valueQuantity?.value;
  if (value === undefined) return undefined;
  const { low, high } = rangeOf(o);
  if (high !== undefined && value > high) return 'H';
  if (low !== undefined && value < low) return 'L';
  return low !== undefined || high !== undefined ? 'N' : undefined;
}

export function isAbnormal(flag: Flag | undefined): boolean {
  return flag !== undefined && flag !== 'N';
}

/** The reference range: the first one meant for everyone (no appliesTo), else the first. */
function rangeOf(o: Pick<Observation, 'referenceRange'>): { low?: number; high?: number; text?: string } {
  const ranges = o.referenceRange ?? [];
  const range = ranges.find((r) => !r.appliesTo?.length) ?? ranges[0];
  const out: { low?: number; high?: number; text?: string } = {};
  if (range?.low?.value !== undefined) out.low = range.low.value;
  if (range?.high?.value !== undefined) out.high = range.high.value;
  if (range?.text) out.text = range.text;
  return out;
}

export function toAnalysisView(o: Observation, reportSampled?: string): AnalysisView {
  const coding = codingOf(o.code, CODE_SYSTEM.nlk) ?? codingOf(o.code);
  const unit = o.valueQuantity?.unit ?? o.valueQuantity?.code ?? '';
  const name = conceptText(o.code) || coding?.code || '';
  const flag = flagOf(o);
  const { low, high, text } = rangeOf(o);
  const view: AnalysisView = {
    id: o.id ?? '',
    key: `${coding?.system ?? ''}|${coding?.code ?? name}|${unit}`,
    name,
    unit,
    abnormal: isAbnormal(flag),
    unseen: hasUnseenTag(o),
  };
  if (coding?.code) view.code = coding.code;
  if (coding?.system) view.system = coding.system;
  if (o.valueQuantity?.value !== undefined) view.value = o.valueQuantity.value;
  else if (o.valueString !== undefined) view.valueText = o.valueString;
  else if (o.valueCodeableConcept) view.valueText = conceptText(o.valueCodeableConcept);
  if (low !== undefined) view.low = low;
  if (high !== undefined) view.high = high;
  if (text !== undefined && low === undefined && high === undefined) view.rangeText = text;
  if (flag) view.flag = flag;
  const at = o.effectiveDateTime ?? o.effectivePeriod?.start ?? reportSampled;
  if (at) view.at = at;
  return view;
}

export function toReportView(report: DiagnosticReport, observations: ReadonlyMap<string, Observation>): ReportView {
  const kind = reportKind(report);
  const sampled = report.effectiveDateTime ?? report.effectivePeriod?.start;
  const results: Observation[] = [];
  let missing = 0;
  for (const ref of report.result ?? []) {
    const id = referenceId(ref, 'Observation');
    const o = id ? observations.get(id) : undefined;
    if (o) results.push(o);
    else missing++;
  }
  const analyses = results.map((o) => toAnalysisView(o, sampled));
  const view: ReportView = {
    id: report.id ?? '',
    kind,
    title: conceptText(report.code),
    status: report.status,
    analyses,
    missing,
    hiddenNormal: 0,
    unseen: hasUnseenTag(report) || analyses.some((a) => a.unseen),
    abnormal: analyses.some((a) => a.abnormal),
    resource: report,
    observations: results,
  };
  if (sampled) view.sampled = sampled;
  if (report.issued) view.issued = report.issued;
  if (report.performer?.[0]) view.performer = report.performer[0];
  if (report.resultsInterpreter?.[0]) view.interpreter = report.resultsInterpreter[0];
  if (report.conclusion) view.conclusion = report.conclusion;
  const review = reviewOf(report);
  if (review) view.review = review;
  return view;
}

function timeOf(iso: string | undefined): number {
  if (!iso) return Number.NEGATIVE_INFINITY;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** Newest first: by the time of sampling, then of the answer, then id (stable). */
export function newestFirst(a: ReportView, b: ReportView): number {
  return timeOf(b.sampled ?? b.issued) - timeOf(a.sampled ?? a.issued) || timeOf(b.issued) - timeOf(a.issued) || a.id.localeCompare(b.id);
}

/**
 * The list's order: results nobody has seen yet that are outside the reference range come
 * first (they may need action today), then everything newest first.
 */
export function orderReports(views: readonly ReportView[]): ReportView[] {
  const urgent = views.filter((v) => v.unseen && v.abnormal).sort(newestFirst);
  const rest = views.filter((v) => !(v.unseen && v.abnormal)).sort(newestFirst);
  return [...urgent, ...rest];
}

/** Every report as a view, in the list's order. */
export function buildViews(data: LabData | undefined): ReportView[] {
  if (!data) return [];
  return orderReports(data.reports.map((r) => toReportView(r, data.observations)));
}

// ---------------------------------------------------------------------------------------------
// Filters

export type KindFilter = 'all' | ReportKind;

export interface ReportFilter {
  kind: KindFilter;
  abnormalOnly: boolean;
  service: ServiceCode | '';
}

export const NO_FILTER: ReportFilter = { kind: 'all', abnormalOnly: false, service: '' };

export function isFiltered(f: ReportFilter): boolean {
  return f.kind !== 'all' || f.abnormalOnly || f.service !== '';
}

/**
 * The reports the filter lets through. "Only abnormal" keeps the reports with a result outside the
 * reference range and, inside them, only those results (the count of the others is kept, so the
 * card can say that normal results are hidden). Radiology reports carry no flags: they are left
 * out by "only abnormal".
 */
export function filterReports(views: readonly ReportView[], filter: ReportFilter, serviceOf: (view: ReportView) => ServiceCode | undefined): ReportView[] {
  const out: ReportView[] = [];
  for (const v of views) {
    if (filter.kind !== 'all' && v.kind !== filter.kind) continue;
    if (filter.service && serviceOf(v) !== filter.service) continue;
    if (filter.abnormalOnly) {
      if (!v.abnormal) continue;
      const analyses = v.analyses.filter((a) => a.abnormal);
      out.push({ ...v, analyses, hiddenNormal: v.analyses.length - analyses.length });
    } else out.push(v);
  }
  return out;
}

export interface Counts {
  total: number;
  lab: number;
  rad: number;
  unseen: number;
  unseenAbnormal: number;
}

export function countReports(views: readonly ReportView[]): Counts {
  const c: Counts = { total: views.length, lab: 0, rad: 0, unseen: 0, unseenAbnormal: 0 };
  for (const v of views) {
    c[v.kind]++;
    if (v.unseen) {
      c.unseen++;
      if (v.abnormal) c.unseenAbnormal++;
    }
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// Trend

export interface AnalysisOption {
  key: string;
  code?: string;
  name: string;
  unit: string;
  /** Results with a numeric value. */
  count: number;
  abnormalCount: number;
  /** Time of the newest result (ms). */
  latest: number;
}

/** The analyses that have numeric results, by name, for the trend's choice. */
export function analysisOptions(views: readonly ReportView[]): AnalysisOption[] {
  const byKey = new Map<string, AnalysisOption>();
  for (const v of views) {
    for (const a of v.analyses) {
      if (a.value === undefined) continue;
      let o = byKey.get(a.key);
      if (!o) {
        o = { key: a.key, name: a.name, unit: a.unit, count: 0, abnormalCount: 0, latest: Number.NEGATIVE_INFINITY };
        if (a.code) o.code = a.code;
        byKey.set(a.key, o);
      }
      o.count++;
      if (a.abnormal) o.abnormalCount++;
      o.latest = Math.max(o.latest, timeOf(a.at));
    }
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.unit.localeCompare(b.unit));
}

/**
 * The analysis the trend starts with: the newest abnormal result's analysis, else the analysis
 * with the most results (ties: the newest).
 */
export function defaultAnalysis(views: readonly ReportView[], options: readonly AnalysisOption[]): string | undefined {
  for (const v of views.slice().sort(newestFirst)) {
    const a = v.analyses.find((x) => x.abnormal && x.value !== undefined);
    if (a) return a.key;
  }
  return options.slice().sort((a, b) => b.count - a.count || b.latest - a.latest)[0]?.key;
}

export interface TrendPoint {
  /** Time of sampling (ms). */
  at: number;
  iso: string;
  value: number;
  flag?: Flag;
  abnormal: boolean;
  low?: number;
  high?: number;
  reportId: string;
  performer?: Reference;
}

export interface TrendSeries {
  key: string;
  name: string;
  unit: string;
  /** Oldest first. */
  points: TrendPoint[];
  /** The reference range of the newest result that has one (the band behind the line). */
  band?: { low?: number; high?: number };
}

/** Every numeric result of one analysis (code and unit), oldest first. */
export function trendSeries(views: readonly ReportView[], key: string): TrendSeries | undefined {
  const points: TrendPoint[] = [];
  let name = '';
  let unit = '';
  for (const v of views) {
    for (const a of v.analyses) {
      if (a.key !== key || a.value === undefined || !a.at) continue;
      const at = timeOf(a.at);
      if (!Number.isFinite(at)) continue;
      name = a.name;
      unit = a.unit;
      const p: TrendPoint = { at, iso: a.at, value: a.value, abnormal: a.abnormal, reportId: v.id };
      if (a.flag) p.flag = a.flag;
      if (a.low !== undefined) p.low = a.low;
      if (a.high !== undefined) p.high = a.high;
      if (v.performer) p.performer = v.performer;
      points.push(p);
    }
  }
  if (points.length === 0) return undefined;
  points.sort((a, b) => a.at - b.at || a.reportId.localeCompare(b.reportId));
  const series: TrendSeries = { key, name, unit, points };
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i]!;
    if (p.low !== undefined || p.high !== undefined) {
      series.band = {};
      if (p.low !== undefined) series.band.low = p.low;
      if (p.high !== undefined) series.band.high = p.high;
      break;
    }
  }
  return series;
}

/** Organization ids of the reports' performers (labs, radiology departments). */
export function performerOrgIds(views: readonly ReportView[]): string[] {
  const ids = new Set<string>();
  for (const v of views) {
    const id = referenceId(v.performer, 'Organization');
    if (id) ids.add(id);
  }
  return [...ids].sort();
}

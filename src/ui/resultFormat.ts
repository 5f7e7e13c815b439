import { formatDecimal, useDecimalFormat } from './numbers';
import type { TFunction } from 'i18next';
import type { AnalysisView, Flag } from '../fhir/results/model';

/** The lab's own precision: up to three decimals. */
const LAB_DECIMALS = 3;

/** 4,2 in Norwegian, 4.2 in English; the lab's own precision, no thousands separators. */
export function formatNumber(value: number, language: string): string {
  return formatDecimal(value, language, LAB_DECIMALS);
}

/** "3,5–4,4", "< 5", "> 30", the lab's text, or '' when there is no range. */
export function rangeText(t: TFunction, num: (v: number) => string, a: Pick<AnalysisView, 'low' | 'high' | 'rangeText'>): string {
  if (a.low !== undefined && a.high !== undefined) return t('labResults.range.both', { low: num(a.low), high: num(a.high) });
  if (a.high !== undefined) return t('labResults.range.below', { high: num(a.high) });
  if (a.low !== undefined) return t('labResults.range.above', { low: num(a.low) });
  return a.rangeText ?? '';
}

/** "Høy", "Lav" …; '' for a normal result or none. */
export function flagText(t: TFunction, flag: Flag | undefined): string {
  return flag && flag !== 'N' ? t(`labResults.flag.${flag}`) : '';
}

export function useNumberFormat(): (value: number) => string {
  return useDecimalFormat(LAB_DECIMALS);
}

export { VISUALLY_HIDDEN } from './visuallyHidden';

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AnalysisView, Flag } from './model';

/** 4,2 in Norwegian, 4.2 in English; the lab's own precision (up to three decimals), no thousands separators. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language.startsWith('en') ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 3, useGrouping: false }).format(value);
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
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => (value: number) => formatNumber(value, language), [language]);
}

/** Hidden on screen, read by screen readers. */
export const VISUALLY_HIDDEN = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: '1px',
} as const;

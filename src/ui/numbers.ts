import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * 4,2 in Norwegian, 4.2 in English: at most `maxDecimals` decimals, no thousands separators
 * (clinical values are read digit by digit). Formatters are kept: making one costs far more
 * than using it, and a chart formats thousands of values.
 */
export function formatDecimal(value: number, language: string, maxDecimals: number): string {
  const locale = language.startsWith('en') ? 'en-GB' : 'nb-NO';
  const key = `${locale}|${maxDecimals}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: maxDecimals, useGrouping: false });
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}

/** formatDecimal in the user's language; `defaultMaxDecimals` unless a call says otherwise. */
export function useDecimalFormat(defaultMaxDecimals: number): (value: number, maxDecimals?: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((value: number, maxDecimals = defaultMaxDecimals) => formatDecimal(value, language, maxDecimals), [language, defaultMaxDecimals]);
}

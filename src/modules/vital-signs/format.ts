import { formatDecimal, useDecimalFormat } from '../../ui/numbers';
import type { TFunction } from 'i18next';
import type { News2Parameter } from '../../domain/news2';
import type { Recorder, VitalValues } from '../../fhir/vitalSignShapes';

/** The parameters as shown (blood pressure as one). */
export const DISPLAY_PARAMS = ['respiratoryRate', 'spo2', 'bloodPressure', 'pulse', 'consciousness', 'temperature', 'weight'] as const;
export type DisplayParam = (typeof DISPLAY_PARAMS)[number];

export const UNIT: Record<DisplayParam, string> = {
  respiratoryRate: '/min',
  spo2: '%',
  bloodPressure: 'mmHg',
  pulse: '/min',
  consciousness: '',
  temperature: '°C',
  weight: 'kg',
};

/** Where a NEWS2 parameter's score shows. */
export const DISPLAY_OF_NEWS2: Record<News2Parameter, DisplayParam> = {
  respiratoryRate: 'respiratoryRate',
  spo2: 'spo2',
  airOrOxygen: 'spo2',
  systolicBp: 'bloodPressure',
  pulse: 'pulse',
  consciousness: 'consciousness',
  temperature: 'temperature',
};

/** 37,5 in Norwegian, 37.5 in English; no thousands separators (a weight of 1250 g is 1,25 kg anyway). */
export function formatNumber(value: number, language: string, maxDecimals = 1): string {
  return formatDecimal(value, language, maxDecimals);
}

export function useFormatNumber(): (value: number, maxDecimals?: number) => string {
  return useDecimalFormat(1);
}

type Fmt = (value: number, maxDecimals?: number) => string;

/** A parameter's value, without its unit (for tables whose header carries the unit). */
export function valueOnly(param: DisplayParam, values: VitalValues, t: TFunction, fmt: Fmt): string | undefined {
  switch (param) {
    case 'respiratoryRate':
      return values.respiratoryRate === undefined ? undefined : fmt(values.respiratoryRate, 0);
    case 'spo2': {
      if (values.spo2 === undefined) return undefined;
      const details = [values.onOxygen === true ? t('vitals.oxygen.onOxygen') : values.onOxygen === false ? t('vitals.oxygen.onAir') : null, values.spo2Scale === 2 ? t('vitals.scale.short', { scale: 2 }) : null].filter(Boolean);
      return details.length > 0 ? `${fmt(values.spo2, 0)} (${details.join(', ')})` : fmt(values.spo2, 0);
    }
    case 'bloodPressure':
      return values.systolic === undefined ? undefined : `${fmt(values.systolic, 0)}/${values.diastolic === undefined ? '–' : fmt(values.diastolic, 0)}`;
    case 'pulse':
      return values.pulse === undefined ? undefined : fmt(values.pulse, 0);
    case 'consciousness':
      return values.consciousness === undefined ? undefined : t(`vitals.acvpu.${values.consciousness}`);
    case 'temperature':
      return values.temperature === undefined ? undefined : fmt(values.temperature, 1);
    case 'weight':
      return values.weight === undefined ? undefined : fmt(values.weight, 3);
  }
}

/** A parameter's value with its unit ("94 % (luft)", "128/82 mmHg"). */
export function valueWithUnit(param: DisplayParam, values: VitalValues, t: TFunction, fmt: Fmt): string | undefined {
  const text = valueOnly(param, values, t, fmt);
  if (text === undefined) return undefined;
  const unit = UNIT[param];
  if (!unit) return text;
  if (param === 'spo2') {
    const [number, ...rest] = text.split(' ');
    return [`${number} %`, ...rest].join(' ');
  }
  return `${text} ${unit}`;
}

/** "Kari Nordmann (Sykepleier, hjemmetjenesten)" and "Hjemmetjenesten Årstad · Hjemmetjenestesone · Bergen". */
export function recorderTexts(recorder: Recorder, t: TFunction): { who: string; where: string } {
  const name = recorder.name ?? t('vitals.unknownRecorder');
  const group = recorder.groupCode ? t(`group.${recorder.groupCode}`, { defaultValue: recorder.groupCode }) : recorder.roleText;
  const who = group ? t('vitals.recorderWithGroup', { name, group }) : name;
  const where = [recorder.unit, recorder.service, recorder.municipality].filter((p, i, all) => p && all.indexOf(p) === i).join(' · ');
  return { who, where };
}

export { VISUALLY_HIDDEN } from '../../ui/visuallyHidden';

import type { UnitKind } from '../session/personnel';

/**
 * Services (code system CODE_SYSTEM.service): which part of the health service recorded an
 * entry. Same codes and Norwegian words as the seed; the screen shows translated labels
 * (service.<code>).
 */
export type ServiceCode = 'gp' | 'emergency' | 'home-care' | 'health-station' | 'nursing-home' | 'physio' | 'hospital';

export const SERVICE_DISPLAY: Record<ServiceCode, string> = {
  gp: 'Fastlege',
  emergency: 'Legevakt',
  'home-care': 'Hjemmetjenester',
  'health-station': 'Helsestasjon',
  'nursing-home': 'Sykehjem',
  physio: 'Fysioterapi',
  hospital: 'Spesialisthelsetjenesten',
};

export const SERVICE_CODES = Object.keys(SERVICE_DISPLAY) as ServiceCode[];

export function isServiceCode(code: string | undefined): code is ServiceCode {
  return code !== undefined && code in SERVICE_DISPLAY;
}

/** The service a unit provides, from its kind (Organization.type, code system unit-kind). */
export const SERVICE_OF_UNIT_KIND: Record<UnitKind, ServiceCode | undefined> = {
  'gp-office': 'gp',
  'emergency-clinic': 'emergency',
  'home-care-district': 'home-care',
  'health-station': 'health-station',
  'nursing-home': 'nursing-home',
  'physio-clinic': 'physio',
  'municipal-admin': undefined,
};

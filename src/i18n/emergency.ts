/**
 * The emergency clinic's shared words (triage levels, board statuses, departures, waiting), used
 * by the triage board module and the emergency workspace's pages. Registered under the
 * top-level key `emergency` by each of them when it loads (registerModuleStrings merges).
 */
export const emergencyNb = {
  level: { red: 'Rød', orange: 'Oransje', yellow: 'Gul', green: 'Grønn', blue: 'Blå', none: 'Ikke triagert' },
  levelLong: {
    red: 'Rød – umiddelbart',
    orange: 'Oransje – svært hastende, innen 10 min',
    yellow: 'Gul – hastende, innen 60 min',
    green: 'Grønn – standard, innen 120 min',
    blue: 'Blå – ikke hastende, innen 240 min',
  },
  status: {
    'waiting-triage': 'Venter på triage',
    'waiting-doctor': 'Venter på lege',
    treatment: 'Under behandling',
    observation: 'Observasjon',
    'ready-to-leave': 'Klar til å gå',
  },
  departure: { home: 'Hjem', hospital: 'Innlagt i sykehus', gp: 'Til fastlege', 'home-care': 'Oppfølging fra hjemmetjenesten' },
  wait: {
    minutes: '{{minutes}} min',
    hours: '{{hours}} t {{minutes}} min',
    ok: 'innenfor målet',
    warning: 'nær målet ({{target}} min)',
    alarm: 'over målet ({{target}} min)',
    none: '',
    warningShort: 'Nær mål',
    alarmShort: 'Over mål',
  },
  columns: {
    level: 'Hastegrad',
    patient: 'Pasient',
    arrived: 'Ankomst',
    waited: 'Ventetid',
    reason: 'Årsak',
    nurse: 'Sykepleier',
    doctor: 'Lege',
    room: 'Rom',
    status: 'Status',
  },
  summary: '{{count}} til stede',
  overTarget_one: '{{count}} over målet',
  overTarget_other: '{{count}} over målet',
  temporary: 'Midlertidig identitet',
  nobody: '–',
};

export const emergencyEn: typeof emergencyNb = {
  level: { red: 'Red', orange: 'Orange', yellow: 'Yellow', green: 'Green', blue: 'Blue', none: 'Not triaged' },
  levelLong: {
    red: 'Red – immediate',
    orange: 'Orange – very urgent, within 10 min',
    yellow: 'Yellow – urgent, within 60 min',
    green: 'Green – standard, within 120 min',
    blue: 'Blue – non-urgent, within 240 min',
  },
  status: {
    'waiting-triage': 'Waiting for triage',
    'waiting-doctor': 'Waiting for doctor',
    treatment: 'Under treatment',
    observation: 'Observation',
    'ready-to-leave': 'Ready to leave',
  },
  departure: { home: 'Home', hospital: 'Admitted to hospital', gp: 'Sent to GP', 'home-care': 'Home care follow-up' },
  wait: {
    minutes: '{{minutes}} min',
    hours: '{{hours}} h {{minutes}} min',
    ok: 'within target',
    warning: 'near target ({{target}} min)',
    alarm: 'past target ({{target}} min)',
    none: '',
    warningShort: 'Near target',
    alarmShort: 'Past target',
  },
  columns: {
    level: 'Level',
    patient: 'Patient',
    arrived: 'Arrived',
    waited: 'Waited',
    reason: 'Reason',
    nurse: 'Nurse',
    doctor: 'Doctor',
    room: 'Room',
    status: 'Status',
  },
  summary: '{{count}} present',
  overTarget_one: '{{count}} past target',
  overTarget_other: '{{count}} past target',
  temporary: 'Temporary identity',
  nobody: '–',
};

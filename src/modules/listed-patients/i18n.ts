/**
 * The patient list's strings, merged by the module under the top-level key `listedPatients`
 * (so `t('listedPatients.searchLabel')`). Only the title and description are in the global
 * bundles (modules.listed-patients).
 */
export const listedPatientsNb = {
  listLabel: 'Listepasienter',
  searchLabel: 'Søk i listen',
  searchHelp: 'Navn, fødselsnummer eller fødselsdato',
  filtersLabel: 'Vis bare',
  filter: {
    homeCare: 'Har hjemmetjenester ({{count}})',
    unseenAbnormal: 'Avvikende svar ikke sett ({{count}})',
    noRecentContact: 'Ingen kontakt med kontoret siste 12 mnd ({{count}})',
  },
  countAll_one: '{{total}} pasient',
  countAll_other: '{{total}} pasienter',
  count_one: '{{shown}} av {{total}} pasient',
  count_other: '{{shown}} av {{total}} pasienter',
  column: {
    name: 'Navn',
    nationalId: 'Fødselsnr.',
    age: 'Alder',
    lastContact: 'Siste kontakt',
    flags: 'Merknader',
  },
  age: '{{age}} år',
  noAge: 'Ukjent',
  noContact: 'Ikke siste 12 mnd',
  flag: {
    homeCare: 'Hjemmetjenester',
    nursingHome: 'Sykehjem',
    unseenAbnormal_one: '{{count}} avvikende svar ikke sett',
    unseenAbnormal_other: '{{count}} avvikende svar ikke sett',
    deceased: 'Død',
  },
  empty: 'Ingen pasienter på listen.',
  noMatch: 'Ingen pasienter passer med søket og filtrene.',
  clear: 'Nullstill søk og filtre',
  loadingDetails: 'Henter kontakter, hjemmetjenester og svar …',
  detailsError: 'Siste kontakt, hjemmetjenester eller svar mangler',
  keyboard: 'Pil opp og ned flytter mellom pasientene, Enter åpner journalen.',
};

export const listedPatientsEn: typeof listedPatientsNb = {
  listLabel: 'Listed patients',
  searchLabel: 'Search the list',
  searchHelp: 'Name, national identity number or date of birth',
  filtersLabel: 'Show only',
  filter: {
    homeCare: 'Has home care ({{count}})',
    unseenAbnormal: 'Abnormal results not seen ({{count}})',
    noRecentContact: 'No contact with the office for 12 months ({{count}})',
  },
  countAll_one: '{{total}} patient',
  countAll_other: '{{total}} patients',
  count_one: '{{shown}} of {{total}} patient',
  count_other: '{{shown}} of {{total}} patients',
  column: {
    name: 'Name',
    nationalId: 'National ID',
    age: 'Age',
    lastContact: 'Last contact',
    flags: 'Notes',
  },
  age: '{{age}} years',
  noAge: 'Unknown',
  noContact: 'Not in 12 months',
  flag: {
    homeCare: 'Home care',
    nursingHome: 'Nursing home',
    unseenAbnormal_one: '{{count}} abnormal result not seen',
    unseenAbnormal_other: '{{count}} abnormal results not seen',
    deceased: 'Deceased',
  },
  empty: 'No patients on the list.',
  noMatch: 'No patients match the search and filters.',
  clear: 'Clear search and filters',
  loadingDetails: 'Fetching contacts, home care and results …',
  detailsError: 'Last contact, home care or results are missing',
  keyboard: 'Arrow up and down move between patients, Enter opens the chart.',
};

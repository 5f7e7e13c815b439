import type { PersonnelGroup, UnitKind } from '../../src/session/personnel';

/**
 * Geography and units of the synthetic municipalities. Kommunenummer, county names, city parts,
 * postal codes and postal towns are real; street names are real or real-sounding streets of the
 * city part; unit names are made from real neighbourhood names (they are not meant to describe
 * any real office).
 */

export interface Neighbourhood {
  name: string;
  /** Postal town (Address.city). */
  town: string;
  postalCodes: readonly string[];
  streets: readonly string[];
  /** Relative share of the municipality's population. */
  weight: number;
}

export interface UnitDef {
  /** Short key, unique within the municipality: gp-1, ed-1, hc-1, … (ids are org-<code>-<key>). */
  key: string;
  kind: UnitKind;
  name: string;
  neighbourhood: string;
  street: string;
  postalCode: string;
  /** Staff in order; the first of each group is that group's persona. */
  staff: ReadonlyArray<readonly [PersonnelGroup, number]>;
  /** Home care districts: the neighbourhoods they cover. */
  covers?: readonly string[];
}

export interface MunicipalityDef {
  code: string;
  name: string;
  county: string;
  /** ASCII slug for persona ids: bergen, trondheim, tromso. */
  slug: string;
  /** Share of the generated patients. */
  share: number;
  hospital: HospitalKey;
  neighbourhoods: readonly Neighbourhood[];
  /** Name of the municipality Organization ("Bergen kommune"). */
  orgName: string;
  orgStreet: string;
  orgPostalCode: string;
  orgTown: string;
  units: readonly UnitDef[];
}

export type HospitalKey = 'hus' | 'stolav' | 'unn';

const GP_STAFF_2 = [['gp', 3], ['gp-nurse', 2], ['admin-staff', 1]] as const;
const GP_STAFF_1 = [['gp', 3], ['gp-nurse', 1], ['admin-staff', 1]] as const;
const ED_STAFF = [['ed-doctor', 3], ['ed-nurse', 4]] as const;
const HC_STAFF = [['homecare-nurse', 4], ['homecare-worker', 4]] as const;
const HS_STAFF = [['hs-nurse', 3]] as const;
const NH_STAFF = [['nh-nurse', 3]] as const;
const PHYSIO_STAFF = [['physio', 2]] as const;
const ADMIN_STAFF = [['config-admin', 1]] as const;

export const MUNICIPALITIES: readonly MunicipalityDef[] = [
  {
    code: '4601',
    name: 'Bergen',
    county: 'Vestland',
    slug: 'bergen',
    share: 0.45,
    hospital: 'hus',
    orgName: 'Bergen kommune',
    orgStreet: 'Rådhusgaten 10',
    orgPostalCode: '5014',
    orgTown: 'Bergen',
    neighbourhoods: [
      {
        name: 'Bergenhus',
        town: 'Bergen',
        postalCodes: ['5003', '5006', '5007', '5008', '5011', '5012', '5013', '5014', '5015', '5017', '5018'],
        streets: ['Kong Oscars gate', 'Strandgaten', 'Nygårdsgaten', 'Christies gate', 'Olav Kyrres gate', 'Sandviksveien', 'Kalfarveien', 'Nordnesbakken', 'Skottegaten', 'Welhavens gate', 'Ole Irgens vei', 'Sydnesgaten'],
        weight: 18,
      },
      {
        name: 'Årstad',
        town: 'Bergen',
        postalCodes: ['5053', '5054', '5055', '5057', '5058', '5059', '5063', '5067', '5068', '5089', '5093', '5094', '5096'],
        streets: ['Inndalsveien', 'Fjøsangerveien', 'Landåsveien', 'Kronstadveien', 'Solheimsgaten', 'Nattlandsveien', 'Ibsens gate', 'Bjørnsons gate', 'Haukelandsbakken', 'Kristofer Jansons vei'],
        weight: 20,
      },
      {
        name: 'Nesttun',
        town: 'Nesttun',
        postalCodes: ['5221', '5222', '5224'],
        streets: ['Nesttunbrekka', 'Nesttunvegen', 'Hardangervegen', 'Osvegen', 'Skjoldvegen', 'Sædalsvegen'],
        weight: 14,
      },
      {
        name: 'Paradis',
        town: 'Paradis',
        postalCodes: ['5230', '5231', '5232'],
        streets: ['Paradisleitet', 'Hopsvegen', 'Storetveitvegen', 'Fantoftvegen', 'Birkelundsbakken'],
        weight: 8,
      },
      {
        name: 'Laksevåg',
        town: 'Laksevåg',
        postalCodes: ['5160', '5161', '5162', '5163'],
        streets: ['Kringsjåveien', 'Damsgårdsveien', 'Carl Konows gate', 'Lyngbøveien', 'Olsvikveien', 'Nygårdslien'],
        weight: 12,
      },
      {
        name: 'Fyllingsdalen',
        town: 'Fyllingsdalen',
        postalCodes: ['5141', '5142', '5143', '5144', '5145', '5146', '5147'],
        streets: ['Folke Bernadottes vei', 'Dag Hammarskjølds vei', 'Krokatjønnveien', 'Spelhaugen', 'Fyllingsveien', 'Vestre Vardane'],
        weight: 14,
      },
      {
        name: 'Åsane',
        town: 'Ulset',
        postalCodes: ['5115', '5116', '5117', '5118'],
        streets: ['Åsamyrene', 'Hesthaugvegen', 'Myrdalsvegen', 'Tertnesflaten', 'Åsvegen', 'Ulsetskogen'],
        weight: 14,
      },
    ],
    units: [
      { key: 'gp-1', kind: 'gp-office', name: 'Landås legekontor', neighbourhood: 'Årstad', street: 'Landåsveien 25', postalCode: '5096', staff: GP_STAFF_2 },
      { key: 'gp-2', kind: 'gp-office', name: 'Nesttun legesenter', neighbourhood: 'Nesttun', street: 'Nesttunbrekka 3', postalCode: '5221', staff: GP_STAFF_1 },
      { key: 'gp-3', kind: 'gp-office', name: 'Åsane legekontor', neighbourhood: 'Åsane', street: 'Åsamyrene 14', postalCode: '5116', staff: GP_STAFF_2 },
      { key: 'ed-1', kind: 'emergency-clinic', name: 'Bergen legevakt', neighbourhood: 'Bergenhus', street: 'Vestre Strømkaien 19', postalCode: '5008', staff: ED_STAFF },
      { key: 'hc-1', kind: 'home-care-district', name: 'Hjemmetjenesten Årstad', neighbourhood: 'Årstad', street: 'Fjøsangerveien 50', postalCode: '5059', staff: HC_STAFF, covers: ['Bergenhus', 'Årstad', 'Laksevåg', 'Fyllingsdalen'] },
      { key: 'hc-2', kind: 'home-care-district', name: 'Hjemmetjenesten Fana', neighbourhood: 'Nesttun', street: 'Nesttunvegen 96', postalCode: '5221', staff: HC_STAFF, covers: ['Nesttun', 'Paradis', 'Åsane'] },
      { key: 'hs-1', kind: 'health-station', name: 'Fyllingsdalen helsestasjon', neighbourhood: 'Fyllingsdalen', street: 'Folke Bernadottes vei 50', postalCode: '5147', staff: HS_STAFF },
      { key: 'nh-1', kind: 'nursing-home', name: 'Laksevåg sykehjem', neighbourhood: 'Laksevåg', street: 'Kringsjåveien 30', postalCode: '5163', staff: NH_STAFF },
      { key: 'physio-1', kind: 'physio-clinic', name: 'Paradis fysioterapi', neighbourhood: 'Paradis', street: 'Hopsvegen 7', postalCode: '5232', staff: PHYSIO_STAFF },
      { key: 'admin-1', kind: 'municipal-admin', name: 'Bergen kommune, Etat for helsetjenester', neighbourhood: 'Bergenhus', street: 'Rådhusgaten 10', postalCode: '5014', staff: ADMIN_STAFF },
    ],
  },
  {
    code: '5001',
    name: 'Trondheim',
    county: 'Trøndelag',
    slug: 'trondheim',
    share: 0.35,
    hospital: 'stolav',
    orgName: 'Trondheim kommune',
    orgStreet: 'Munkegata 1',
    orgPostalCode: '7013',
    orgTown: 'Trondheim',
    neighbourhoods: [
      {
        name: 'Midtbyen',
        town: 'Trondheim',
        postalCodes: ['7010', '7011', '7012', '7013'],
        streets: ['Munkegata', 'Kongens gate', 'Olav Tryggvasons gate', 'Dronningens gate', 'Prinsens gate', 'Nordre gate', 'Erling Skakkes gate', 'Thomas Angells gate'],
        weight: 14,
      },
      {
        name: 'Møllenberg',
        town: 'Trondheim',
        postalCodes: ['7014', '7042', '7043'],
        streets: ['Rosenborggata', 'Nonnegata', 'Innherredsveien', 'Biskop Darres gate', 'Mellomveien', 'Lillegårdsbakken'],
        weight: 12,
      },
      {
        name: 'Lade',
        town: 'Trondheim',
        postalCodes: ['7040', '7041'],
        streets: ['Lade allé', 'Haakon VIIs gate', 'Jarleveien', 'Ladeveien', 'Ladehammerveien', 'Ladesletta'],
        weight: 12,
      },
      {
        name: 'Byåsen',
        town: 'Trondheim',
        postalCodes: ['7020', '7021', '7022', '7024', '7025'],
        streets: ['Byåsveien', 'Skogveien', 'Breidablikkveien', 'Kongsveien', 'Bergsligata', 'Byåslia'],
        weight: 16,
      },
      {
        name: 'Moholt',
        town: 'Trondheim',
        postalCodes: ['7048', '7049', '7050', '7051'],
        streets: ['Moholt allé', 'Jonsvannsveien', 'Brøsetvegen', 'Bromstadvegen', 'Valentinlystvegen'],
        weight: 12,
      },
      {
        name: 'Heimdal',
        town: 'Heimdal',
        postalCodes: ['7080'],
        streets: ['Heimdalsvegen', 'Kvenildmyra', 'Heggstadmyra', 'Ringvålvegen', 'Sandmoflata'],
        weight: 14,
      },
      {
        name: 'Saupstad',
        town: 'Saupstad',
        postalCodes: ['7078'],
        streets: ['Saupstadringen', 'Kolstadflata', 'Havstadsletta', 'Kattemskogen'],
        weight: 10,
      },
      {
        name: 'Ranheim',
        town: 'Ranheim',
        postalCodes: ['7053', '7054'],
        streets: ['Ranheimsvegen', 'Vikelvvegen', 'Ranheimsfjæra', 'Humlehaugen'],
        weight: 10,
      },
    ],
    units: [
      { key: 'gp-1', kind: 'gp-office', name: 'Lade legesenter', neighbourhood: 'Lade', street: 'Lade allé 67', postalCode: '7041', staff: GP_STAFF_1 },
      { key: 'gp-2', kind: 'gp-office', name: 'Byåsen legekontor', neighbourhood: 'Byåsen', street: 'Byåsveien 140', postalCode: '7022', staff: GP_STAFF_2 },
      { key: 'gp-3', kind: 'gp-office', name: 'Heimdal legesenter', neighbourhood: 'Heimdal', street: 'Heimdalsvegen 10', postalCode: '7080', staff: GP_STAFF_2 },
      { key: 'ed-1', kind: 'emergency-clinic', name: 'Trondheim legevakt', neighbourhood: 'Midtbyen', street: 'Mauritz Hansens gate 4', postalCode: '7030', staff: ED_STAFF },
      { key: 'hc-1', kind: 'home-care-district', name: 'Hjemmetjenesten Midtbyen', neighbourhood: 'Midtbyen', street: 'Kongens gate 30', postalCode: '7012', staff: HC_STAFF, covers: ['Midtbyen', 'Møllenberg', 'Lade', 'Moholt', 'Ranheim'] },
      { key: 'hc-2', kind: 'home-care-district', name: 'Hjemmetjenesten Heimdal', neighbourhood: 'Heimdal', street: 'Kvenildmyra 5', postalCode: '7080', staff: HC_STAFF, covers: ['Byåsen', 'Heimdal', 'Saupstad'] },
      { key: 'hs-1', kind: 'health-station', name: 'Saupstad helsestasjon', neighbourhood: 'Saupstad', street: 'Saupstadringen 9', postalCode: '7078', staff: HS_STAFF },
      { key: 'nh-1', kind: 'nursing-home', name: 'Moholt sykehjem', neighbourhood: 'Moholt', street: 'Brøsetvegen 50', postalCode: '7049', staff: NH_STAFF },
      { key: 'physio-1', kind: 'physio-clinic', name: 'Ranheim fysioterapi', neighbourhood: 'Ranheim', street: 'Ranheimsvegen 160', postalCode: '7053', staff: PHYSIO_STAFF },
      { key: 'admin-1', kind: 'municipal-admin', name: 'Trondheim kommune, Helse og velferd', neighbourhood: 'Midtbyen', street: 'Munkegata 1', postalCode: '7013', staff: ADMIN_STAFF },
    ],
  },
  {
    code: '5501',
    name: 'Tromsø',
    county: 'Troms',
    slug: 'tromso',
    share: 0.2,
    hospital: 'unn',
    orgName: 'Tromsø kommune',
    orgStreet: 'Rådhusgata 2',
    orgPostalCode: '9008',
    orgTown: 'Tromsø',
    neighbourhoods: [
      {
        name: 'Sentrum',
        town: 'Tromsø',
        postalCodes: ['9007', '9008', '9009'],
        streets: ['Storgata', 'Grønnegata', 'Sjøgata', 'Skippergata', 'Vestregata', 'Parkgata', 'Kirkegata'],
        weight: 20,
      },
      {
        name: 'Hamna',
        town: 'Tromsø',
        postalCodes: ['9015', '9016', '9017'],
        streets: ['Stakkevollvegen', 'Hamnavegen', 'Mellomvegen', 'Eidkjosvegen', 'Lars Eriksens veg'],
        weight: 22,
      },
      {
        name: 'Breivika',
        town: 'Tromsø',
        postalCodes: ['9019'],
        streets: ['Gimlevegen', 'Breivangvegen', 'Kirkegårdsvegen', 'Hansine Hansens veg'],
        weight: 14,
      },
      {
        name: 'Tromsdalen',
        town: 'Tromsdalen',
        postalCodes: ['9020'],
        streets: ['Tromsdalsvegen', 'Solstrandvegen', 'Skarpsnovegen', 'Bruvegen', 'Fløyvegen'],
        weight: 24,
      },
      {
        name: 'Kvaløysletta',
        town: 'Kvaløysletta',
        postalCodes: ['9100'],
        streets: ['Kvaløyvegen', 'Slettaelvvegen', 'Eidkjosvegen', 'Storelvvegen'],
        weight: 20,
      },
    ],
    units: [
      { key: 'gp-1', kind: 'gp-office', name: 'Storgata legekontor', neighbourhood: 'Sentrum', street: 'Storgata 55', postalCode: '9008', staff: GP_STAFF_2 },
      { key: 'gp-2', kind: 'gp-office', name: 'Tromsdalen legesenter', neighbourhood: 'Tromsdalen', street: 'Tromsdalsvegen 21', postalCode: '9020', staff: GP_STAFF_1 },
      { key: 'gp-3', kind: 'gp-office', name: 'Kvaløysletta legekontor', neighbourhood: 'Kvaløysletta', street: 'Kvaløyvegen 156', postalCode: '9100', staff: GP_STAFF_1 },
      { key: 'ed-1', kind: 'emergency-clinic', name: 'Tromsø legevakt', neighbourhood: 'Breivika', street: 'Sykehusvegen 38', postalCode: '9019', staff: ED_STAFF },
      { key: 'hc-1', kind: 'home-care-district', name: 'Hjemmetjenesten Tromsøya', neighbourhood: 'Hamna', street: 'Stakkevollvegen 65', postalCode: '9016', staff: HC_STAFF, covers: ['Sentrum', 'Hamna', 'Breivika'] },
      { key: 'hc-2', kind: 'home-care-district', name: 'Hjemmetjenesten Tromsdalen og Kvaløya', neighbourhood: 'Tromsdalen', street: 'Solstrandvegen 12', postalCode: '9020', staff: HC_STAFF, covers: ['Tromsdalen', 'Kvaløysletta'] },
      { key: 'hs-1', kind: 'health-station', name: 'Hamna helsestasjon', neighbourhood: 'Hamna', street: 'Hamnavegen 4', postalCode: '9016', staff: HS_STAFF },
      { key: 'nh-1', kind: 'nursing-home', name: 'Kvaløysletta sykehjem', neighbourhood: 'Kvaløysletta', street: 'Slettaelvvegen 10', postalCode: '9100', staff: NH_STAFF },
      { key: 'physio-1', kind: 'physio-clinic', name: 'Tromsdalen fysioterapi', neighbourhood: 'Tromsdalen', street: 'Bruvegen 3', postalCode: '9020', staff: PHYSIO_STAFF },
      { key: 'admin-1', kind: 'municipal-admin', name: 'Tromsø kommune, Helse og omsorg', neighbourhood: 'Sentrum', street: 'Rådhusgata 2', postalCode: '9008', staff: ADMIN_STAFF },
    ],
  },
];

export interface HospitalDef {
  key: HospitalKey;
  name: string;
  street: string;
  postalCode: string;
  town: string;
  municipalityCode: string;
  municipalityName: string;
  labName: string;
  radiologyName: string;
}

export const HOSPITALS: readonly HospitalDef[] = [
  {
    key: 'hus',
    name: 'Haukeland universitetssjukehus',
    street: 'Haukelandsveien 22',
    postalCode: '5021',
    town: 'Bergen',
    municipalityCode: '4601',
    municipalityName: 'Bergen',
    labName: 'Haukeland universitetssjukehus, Avdeling for medisinsk biokjemi og farmakologi',
    radiologyName: 'Haukeland universitetssjukehus, Radiologisk avdeling',
  },
  {
    key: 'stolav',
    name: 'St. Olavs hospital',
    street: 'Prinsesse Kristinas gate 3',
    postalCode: '7030',
    town: 'Trondheim',
    municipalityCode: '5001',
    municipalityName: 'Trondheim',
    labName: 'St. Olavs hospital, Avdeling for medisinsk biokjemi',
    radiologyName: 'St. Olavs hospital, Klinikk for bildediagnostikk',
  },
  {
    key: 'unn',
    name: 'Universitetssykehuset Nord-Norge',
    street: 'Hansine Hansens veg 67',
    postalCode: '9019',
    town: 'Tromsø',
    municipalityCode: '5501',
    municipalityName: 'Tromsø',
    labName: 'Universitetssykehuset Nord-Norge, Laboratoriemedisin',
    radiologyName: 'Universitetssykehuset Nord-Norge, Radiologisk avdeling',
  },
];

export const PRIVATE_LAB = {
  key: 'furst',
  name: 'Fürst Medisinsk Laboratorium',
  street: 'Søren Bulls vei 25',
  postalCode: '1051',
  town: 'Oslo',
  municipalityCode: '0301',
  municipalityName: 'Oslo',
} as const;

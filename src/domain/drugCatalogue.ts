/**
 * A bundled, FEST-like subset of the national medicines catalogue: the common medicines a
 * municipal GP or emergency clinic prescribes, each as one product (substance name, strength,
 * form) with its ATC code (WHO Collaborating Centre, http://www.whocc.no/atc), the unit a dose is
 * counted in and the route. It holds every medicine the synthetic journal uses
 * (mocks/seed/terminology.ts MED_SPECS, checked by the test), so any statement in the journal
 * maps back to a product here.
 *
 * A product's text, "Metformin 500 mg tablett", is what MedicationStatement.medication
 * CodeableConcept.text holds; the ATC code is its coding. Names and forms are Norwegian, as in
 * FEST. Pure data and search: no app imports.
 */

/** Units a dose is counted in: UCUM code (annotations for countable forms) and the Norwegian word stored in Quantity.unit. */
export const DOSE_UNITS = {
  tablet: { ucum: '{tbl}', display: 'tablett' },
  capsule: { ucum: '{cap}', display: 'kapsel' },
  inhalation: { ucum: '{inhalation}', display: 'inhalasjon' },
  drop: { ucum: '{drop}', display: 'dråpe' },
  application: { ucum: '{application}', display: 'påsmøring' },
  sachet: { ucum: '{sachet}', display: 'pose' },
  spray: { ucum: '{spray}', display: 'spraydose' },
  patch: { ucum: '{patch}', display: 'plaster' },
  suppository: { ucum: '{supp}', display: 'stikkpille' },
  ml: { ucum: 'mL', display: 'ml' },
  mg: { ucum: 'mg', display: 'mg' },
  microgram: { ucum: 'ug', display: 'mikrog' },
  unit: { ucum: '[iU]', display: 'E' },
} as const;
export type DoseUnitKey = keyof typeof DOSE_UNITS;
export const DOSE_UNIT_KEYS = Object.keys(DOSE_UNITS) as DoseUnitKey[];

export function doseUnitOfUcum(code: string | undefined): DoseUnitKey | undefined {
  return DOSE_UNIT_KEYS.find((k) => DOSE_UNITS[k].ucum === code);
}

/** Routes of administration (SNOMED CT), with the English and Norwegian display the journal stores. */
export const ROUTES = {
  oral: { snomed: '26643006', display: 'Oral route', text: 'Via munnen' },
  inhalation: { snomed: '447694001', display: 'Respiratory tract route', text: 'Til inhalasjon' },
  subcutaneous: { snomed: '34206005', display: 'Subcutaneous route', text: 'Subkutant' },
  topical: { snomed: '6064005', display: 'Topical route', text: 'Til utvortes bruk' },
  ocular: { snomed: '54485002', display: 'Ophthalmic route', text: 'I øyet' },
  nasal: { snomed: '46713006', display: 'Nasal route', text: 'I nesen' },
  transdermal: { snomed: '45890007', display: 'Transdermal route', text: 'Gjennom huden (plaster)' },
  rectal: { snomed: '37161004', display: 'Rectal route', text: 'Rektalt' },
} as const;
export type RouteKey = keyof typeof ROUTES;

export interface Drug {
  /** Stable id within the catalogue. */
  id: string;
  /** Substance name (Norwegian), e.g. "Metformin". */
  name: string;
  /** "500 mg", "100 E/ml", "50/250 mikrog/dose". */
  strength: string;
  /** Pharmaceutical form, e.g. "tablett", "depotkapsel", "inhalasjonspulver". */
  form: string;
  atc: string;
  /** What one dose is counted in. */
  unit: DoseUnitKey;
  route: RouteKey;
}

type Row = readonly [id: string, name: string, strength: string, form: string, atc: string, unit: DoseUnitKey, route: RouteKey];

// prettier-ignore
const ROWS: readonly Row[] = [
  // Cardiovascular (C)
  ['ramipril-2.5', 'Ramipril', '2,5 mg', 'tablett', 'C09AA05', 'tablet', 'oral'],
  ['ramipril-5', 'Ramipril', '5 mg', 'tablett', 'C09AA05', 'tablet', 'oral'],
  ['ramipril-10', 'Ramipril', '10 mg', 'tablett', 'C09AA05', 'tablet', 'oral'],
  ['enalapril-10', 'Enalapril', '10 mg', 'tablett', 'C09AA02', 'tablet', 'oral'],
  ['losartan-50', 'Losartan', '50 mg', 'tablett', 'C09CA01', 'tablet', 'oral'],
  ['losartan-100', 'Losartan', '100 mg', 'tablett', 'C09CA01', 'tablet', 'oral'],
  ['valsartan-80', 'Valsartan', '80 mg', 'tablett', 'C09CA03', 'tablet', 'oral'],
  ['kandesartan-8', 'Kandesartan', '8 mg', 'tablett', 'C09CA06', 'tablet', 'oral'],
  ['kandesartan-16', 'Kandesartan', '16 mg', 'tablett', 'C09CA06', 'tablet', 'oral'],
  ['amlodipin-5', 'Amlodipin', '5 mg', 'tablett', 'C08CA01', 'tablet', 'oral'],
  ['amlodipin-10', 'Amlodipin', '10 mg', 'tablett', 'C08CA01', 'tablet', 'oral'],
  ['nifedipin-30', 'Nifedipin', '30 mg', 'depottablett', 'C08CA05', 'tablet', 'oral'],
  ['lerkanidipin-10', 'Lerkanidipin', '10 mg', 'tablett', 'C08CA13', 'tablet', 'oral'],
  ['diltiazem-120', 'Diltiazem', '120 mg', 'depotkapsel', 'C08DB01', 'capsule', 'oral'],
  ['verapamil-80', 'Verapamil', '80 mg', 'tablett', 'C08DA01', 'tablet', 'oral'],
  ['metoprolol-25', 'Metoprolol', '25 mg', 'depottablett', 'C07AB02', 'tablet', 'oral'],
  ['metoprolol-50', 'Metoprolol', '50 mg', 'depottablett', 'C07AB02', 'tablet', 'oral'],
  ['metoprolol-100', 'Metoprolol', '100 mg', 'depottablett', 'C07AB02', 'tablet', 'oral'],
  ['bisoprolol-5', 'Bisoprolol', '5 mg', 'tablett', 'C07AB07', 'tablet', 'oral'],
  ['atenolol-50', 'Atenolol', '50 mg', 'tablett', 'C07AB03', 'tablet', 'oral'],
  ['karvedilol-6.25', 'Karvedilol', '6,25 mg', 'tablett', 'C07AG02', 'tablet', 'oral'],
  ['furosemid-20', 'Furosemid', '20 mg', 'tablett', 'C03CA01', 'tablet', 'oral'],
  ['furosemid-40', 'Furosemid', '40 mg', 'tablett', 'C03CA01', 'tablet', 'oral'],
  ['hydroklortiazid-25', 'Hydroklortiazid', '25 mg', 'tablett', 'C03AA03', 'tablet', 'oral'],
  ['spironolakton-25', 'Spironolakton', '25 mg', 'tablett', 'C03DA01', 'tablet', 'oral'],
  ['digoksin-0.0625', 'Digoksin', '0,0625 mg', 'tablett', 'C01AA05', 'tablet', 'oral'],
  ['isosorbidmononitrat-60', 'Isosorbidmononitrat', '60 mg', 'depottablett', 'C01DA14', 'tablet', 'oral'],
  ['glyseroltrinitrat-0.5', 'Glyseroltrinitrat', '0,5 mg', 'resoriblett', 'C01DA02', 'tablet', 'oral'],
  ['atorvastatin-10', 'Atorvastatin', '10 mg', 'tablett', 'C10AA05', 'tablet', 'oral'],
  ['atorvastatin-20', 'Atorvastatin', '20 mg', 'tablett', 'C10AA05', 'tablet', 'oral'],
  ['atorvastatin-40', 'Atorvastatin', '40 mg', 'tablett', 'C10AA05', 'tablet', 'oral'],
  ['atorvastatin-80', 'Atorvastatin', '80 mg', 'tablett', 'C10AA05', 'tablet', 'oral'],
  ['simvastatin-20', 'Simvastatin', '20 mg', 'tablett', 'C10AA01', 'tablet', 'oral'],
  ['simvastatin-40', 'Simvastatin', '40 mg', 'tablett', 'C10AA01', 'tablet', 'oral'],
  ['rosuvastatin-10', 'Rosuvastatin', '10 mg', 'tablett', 'C10AA07', 'tablet', 'oral'],
  ['ezetimib-10', 'Ezetimib', '10 mg', 'tablett', 'C10AX09', 'tablet', 'oral'],
  // Blood (B)
  ['warfarin-2.5', 'Warfarin', '2,5 mg', 'tablett', 'B01AA03', 'tablet', 'oral'],
  ['rivaroksaban-15', 'Rivaroksaban', '15 mg', 'tablett', 'B01AF01', 'tablet', 'oral'],
  ['rivaroksaban-20', 'Rivaroksaban', '20 mg', 'tablett', 'B01AF01', 'tablet', 'oral'],
  ['apixaban-2.5', 'Apixaban', '2,5 mg', 'tablett', 'B01AF02', 'tablet', 'oral'],
  ['apixaban-5', 'Apixaban', '5 mg', 'tablett', 'B01AF02', 'tablet', 'oral'],
  ['edoksaban-60', 'Edoksaban', '60 mg', 'tablett', 'B01AF03', 'tablet', 'oral'],
  ['dabigatran-150', 'Dabigatran', '150 mg', 'kapsel', 'B01AE07', 'capsule', 'oral'],
  ['dalteparin-5000', 'Dalteparin', '5000 IE', 'injeksjonsvæske i ferdigfylt sprøyte', 'B01AB04', 'unit', 'subcutaneous'],
  ['enoksaparin-40', 'Enoksaparin', '40 mg', 'injeksjonsvæske i ferdigfylt sprøyte', 'B01AB05', 'mg', 'subcutaneous'],
  ['asa-75', 'Acetylsalisylsyre', '75 mg', 'enterotablett', 'B01AC06', 'tablet', 'oral'],
  ['klopidogrel-75', 'Klopidogrel', '75 mg', 'tablett', 'B01AC04', 'tablet', 'oral'],
  ['tikagrelor-90', 'Tikagrelor', '90 mg', 'tablett', 'B01AC24', 'tablet', 'oral'],
  ['jern-100', 'Jern(II)sulfat', '100 mg Fe2+', 'depottablett', 'B03AA07', 'tablet', 'oral'],
  ['folsyre-1', 'Folsyre', '1 mg', 'tablett', 'B03BB01', 'tablet', 'oral'],
  ['cyanokobalamin-1', 'Cyanokobalamin', '1 mg', 'tablett', 'B03BA01', 'tablet', 'oral'],
  // Alimentary tract and metabolism (A)
  ['metformin-500', 'Metformin', '500 mg', 'tablett', 'A10BA02', 'tablet', 'oral'],
  ['metformin-850', 'Metformin', '850 mg', 'tablett', 'A10BA02', 'tablet', 'oral'],
  ['metformin-1000', 'Metformin', '1000 mg', 'tablett', 'A10BA02', 'tablet', 'oral'],
  ['glimepirid-2', 'Glimepirid', '2 mg', 'tablett', 'A10BB12', 'tablet', 'oral'],
  ['sitagliptin-100', 'Sitagliptin', '100 mg', 'tablett', 'A10BH01', 'tablet', 'oral'],
  ['dapagliflozin-10', 'Dapagliflozin', '10 mg', 'tablett', 'A10BK01', 'tablet', 'oral'],
  ['empagliflozin-10', 'Empagliflozin', '10 mg', 'tablett', 'A10BK03', 'tablet', 'oral'],
  ['liraglutid-6', 'Liraglutid', '6 mg/ml', 'injeksjonsvæske i ferdigfylt penn', 'A10BJ02', 'mg', 'subcutaneous'],
  ['semaglutid-1.34', 'Semaglutid', '1,34 mg/ml', 'injeksjonsvæske i ferdigfylt penn', 'A10BJ06', 'mg', 'subcutaneous'],
  ['insulin-glargin-100', 'Insulin glargin', '100 E/ml', 'injeksjonsvæske i ferdigfylt penn', 'A10AE04', 'unit', 'subcutaneous'],
  ['insulin-detemir-100', 'Insulin detemir', '100 E/ml', 'injeksjonsvæske i ferdigfylt penn', 'A10AE05', 'unit', 'subcutaneous'],
  ['insulin-aspart-100', 'Insulin aspart', '100 E/ml', 'injeksjonsvæske i ferdigfylt penn', 'A10AB05', 'unit', 'subcutaneous'],
  ['omeprazol-20', 'Omeprazol', '20 mg', 'enterokapsel', 'A02BC01', 'capsule', 'oral'],
  ['pantoprazol-40', 'Pantoprazol', '40 mg', 'enterotablett', 'A02BC02', 'tablet', 'oral'],
  ['esomeprazol-20', 'Esomeprazol', '20 mg', 'enterotablett', 'A02BC05', 'tablet', 'oral'],
  ['metoklopramid-10', 'Metoklopramid', '10 mg', 'tablett', 'A03FA01', 'tablet', 'oral'],
  ['ondansetron-4', 'Ondansetron', '4 mg', 'tablett', 'A04AA01', 'tablet', 'oral'],
  ['laktulose-670', 'Laktulose', '670 mg/ml', 'mikstur', 'A06AD11', 'ml', 'oral'],
  ['makrogol-13.7', 'Makrogol, kombinasjoner', '13,7 g', 'pulver til mikstur i dosepose', 'A06AD65', 'sachet', 'oral'],
  ['kolekalsiferol-20', 'Kolekalsiferol (vitamin D3)', '20 mikrog', 'tablett', 'A11CC05', 'tablet', 'oral'],
  ['kalsium-d-500', 'Kalsium/vitamin D', '500 mg/800 IE', 'tyggetablett', 'A12AX', 'tablet', 'oral'],
  ['kaliumklorid-750', 'Kaliumklorid', '750 mg', 'depottablett', 'A12BA01', 'tablet', 'oral'],
  // Respiratory (R)
  ['salmeterol-flutikason-50-250', 'Salmeterol/flutikason', '50/250 mikrog/dose', 'inhalasjonspulver', 'R03AK06', 'inhalation', 'inhalation'],
  ['budesonid-formoterol-160-4.5', 'Budesonid/formoterol', '160/4,5 mikrog/dose', 'inhalasjonspulver', 'R03AK07', 'inhalation', 'inhalation'],
  ['salbutamol-0.1', 'Salbutamol', '0,1 mg/dose', 'inhalasjonsaerosol', 'R03AC02', 'inhalation', 'inhalation'],
  ['formoterol-12', 'Formoterol', '12 mikrog/dose', 'inhalasjonspulver', 'R03AC13', 'inhalation', 'inhalation'],
  ['budesonid-200', 'Budesonid', '200 mikrog/dose', 'inhalasjonspulver', 'R03BA02', 'inhalation', 'inhalation'],
  ['tiotropium-18', 'Tiotropium', '18 mikrog', 'inhalasjonspulver', 'R03BB04', 'inhalation', 'inhalation'],
  ['montelukast-10', 'Montelukast', '10 mg', 'tablett', 'R03DC03', 'tablet', 'oral'],
  ['cetirizin-10', 'Cetirizin', '10 mg', 'tablett', 'R06AE07', 'tablet', 'oral'],
  ['loratadin-10', 'Loratadin', '10 mg', 'tablett', 'R06AX13', 'tablet', 'oral'],
  ['desloratadin-5', 'Desloratadin', '5 mg', 'tablett', 'R06AX27', 'tablet', 'oral'],
  ['mometason-nesespray-50', 'Mometason', '50 mikrog/dose', 'nesespray', 'R01AD09', 'spray', 'nasal'],
  ['flutikason-nesespray-50', 'Flutikasonpropionat', '50 mikrog/dose', 'nesespray', 'R01AD08', 'spray', 'nasal'],
  // Nervous system (N)
  ['paracetamol-500', 'Paracetamol', '500 mg', 'tablett', 'N02BE01', 'tablet', 'oral'],
  ['paracetamol-1000', 'Paracetamol', '1 g', 'tablett', 'N02BE01', 'tablet', 'oral'],
  ['paracetamol-kodein-500-30', 'Paracetamol/kodein', '500 mg/30 mg', 'tablett', 'N02AJ06', 'tablet', 'oral'],
  ['tramadol-50', 'Tramadol', '50 mg', 'kapsel', 'N02AX02', 'capsule', 'oral'],
  ['oksykodon-5', 'Oksykodon', '5 mg', 'kapsel', 'N02AA05', 'capsule', 'oral'],
  ['morfin-10', 'Morfin', '10 mg', 'tablett', 'N02AA01', 'tablet', 'oral'],
  ['fentanyl-12', 'Fentanyl', '12 mikrog/time', 'depotplaster', 'N02AB03', 'patch', 'transdermal'],
  ['buprenorfin-5', 'Buprenorfin', '5 mikrog/time', 'depotplaster', 'N02AE01', 'patch', 'transdermal'],
  ['sumatriptan-50', 'Sumatriptan', '50 mg', 'tablett', 'N02CC01', 'tablet', 'oral'],
  ['lamotrigin-100', 'Lamotrigin', '100 mg', 'tablett', 'N03AX09', 'tablet', 'oral'],
  ['levetiracetam-500', 'Levetiracetam', '500 mg', 'tablett', 'N03AX14', 'tablet', 'oral'],
  ['gabapentin-300', 'Gabapentin', '300 mg', 'kapsel', 'N03AX12', 'capsule', 'oral'],
  ['pregabalin-75', 'Pregabalin', '75 mg', 'kapsel', 'N03AX16', 'capsule', 'oral'],
  ['levodopa-benserazid-100-25', 'Levodopa/benserazid', '100 mg/25 mg', 'kapsel', 'N04BA02', 'capsule', 'oral'],
  ['haloperidol-1', 'Haloperidol', '1 mg', 'tablett', 'N05AD01', 'tablet', 'oral'],
  ['olanzapin-5', 'Olanzapin', '5 mg', 'tablett', 'N05AH03', 'tablet', 'oral'],
  ['kvetiapin-25', 'Kvetiapin', '25 mg', 'tablett', 'N05AH04', 'tablet', 'oral'],
  ['risperidon-1', 'Risperidon', '1 mg', 'tablett', 'N05AX08', 'tablet', 'oral'],
  ['litium-42', 'Litiumkarbonat', '42 mg Li+', 'depottablett', 'N05AN01', 'tablet', 'oral'],
  ['diazepam-5', 'Diazepam', '5 mg', 'tablett', 'N05BA01', 'tablet', 'oral'],
  ['oksazepam-10', 'Oksazepam', '10 mg', 'tablett', 'N05BA04', 'tablet', 'oral'],
  ['zopiklon-5', 'Zopiklon', '5 mg', 'tablett', 'N05CF01', 'tablet', 'oral'],
  ['zopiklon-7.5', 'Zopiklon', '7,5 mg', 'tablett', 'N05CF01', 'tablet', 'oral'],
  ['melatonin-2', 'Melatonin', '2 mg', 'depottablett', 'N05CH01', 'tablet', 'oral'],
  ['amitriptylin-10', 'Amitriptylin', '10 mg', 'tablett', 'N06AA09', 'tablet', 'oral'],
  ['citalopram-20', 'Citalopram', '20 mg', 'tablett', 'N06AB04', 'tablet', 'oral'],
  ['sertralin-50', 'Sertralin', '50 mg', 'tablett', 'N06AB06', 'tablet', 'oral'],
  ['escitalopram-10', 'Escitalopram', '10 mg', 'tablett', 'N06AB10', 'tablet', 'oral'],
  ['mirtazapin-15', 'Mirtazapin', '15 mg', 'tablett', 'N06AX11', 'tablet', 'oral'],
  ['bupropion-150', 'Bupropion', '150 mg', 'depottablett', 'N06AX12', 'tablet', 'oral'],
  ['venlafaksin-75', 'Venlafaksin', '75 mg', 'depotkapsel', 'N06AX16', 'capsule', 'oral'],
  ['duloksetin-60', 'Duloksetin', '60 mg', 'enterokapsel', 'N06AX21', 'capsule', 'oral'],
  ['donepezil-5', 'Donepezil', '5 mg', 'tablett', 'N06DA02', 'tablet', 'oral'],
  ['donepezil-10', 'Donepezil', '10 mg', 'tablett', 'N06DA02', 'tablet', 'oral'],
  ['rivastigmin-4.6', 'Rivastigmin', '4,6 mg/24 timer', 'depotplaster', 'N06DA03', 'patch', 'transdermal'],
  ['memantin-10', 'Memantin', '10 mg', 'tablett', 'N06DX01', 'tablet', 'oral'],
  // Musculo-skeletal (M)
  ['ibuprofen-400', 'Ibuprofen', '400 mg', 'tablett', 'M01AE01', 'tablet', 'oral'],
  ['naproksen-250', 'Naproksen', '250 mg', 'tablett', 'M01AE02', 'tablet', 'oral'],
  ['diklofenak-50', 'Diklofenak', '50 mg', 'enterotablett', 'M01AB05', 'tablet', 'oral'],
  ['allopurinol-100', 'Allopurinol', '100 mg', 'tablett', 'M04AA01', 'tablet', 'oral'],
  ['alendronsyre-70', 'Alendronsyre', '70 mg', 'tablett', 'M05BA04', 'tablet', 'oral'],
  // Systemic hormones (H), genito-urinary (G), immunomodulating (L)
  ['levotyroksin-25', 'Levotyroksin', '25 mikrog', 'tablett', 'H03AA01', 'tablet', 'oral'],
  ['levotyroksin-50', 'Levotyroksin', '50 mikrog', 'tablett', 'H03AA01', 'tablet', 'oral'],
  ['levotyroksin-100', 'Levotyroksin', '100 mikrog', 'tablett', 'H03AA01', 'tablet', 'oral'],
  ['prednisolon-5', 'Prednisolon', '5 mg', 'tablett', 'H02AB06', 'tablet', 'oral'],
  ['tamsulosin-0.4', 'Tamsulosin', '0,4 mg', 'depotkapsel', 'G04CA02', 'capsule', 'oral'],
  ['finasterid-5', 'Finasterid', '5 mg', 'tablett', 'G04CB01', 'tablet', 'oral'],
  ['estradiol-1', 'Estradiol', '1 mg', 'tablett', 'G03CA03', 'tablet', 'oral'],
  ['metotreksat-2.5', 'Metotreksat', '2,5 mg', 'tablett', 'L04AX03', 'tablet', 'oral'],
  // Anti-infectives (J)
  ['fenoksymetylpenicillin-660', 'Fenoksymetylpenicillin', '660 mg', 'tablett', 'J01CE02', 'tablet', 'oral'],
  ['fenoksymetylpenicillin-1000', 'Fenoksymetylpenicillin', '1 g', 'tablett', 'J01CE02', 'tablet', 'oral'],
  ['fenoksymetylpenicillin-mikstur-50', 'Fenoksymetylpenicillin', '50 mg/ml', 'mikstur', 'J01CE02', 'ml', 'oral'],
  ['amoksicillin-500', 'Amoksicillin', '500 mg', 'kapsel', 'J01CA04', 'capsule', 'oral'],
  ['pivmecillinam-200', 'Pivmecillinam', '200 mg', 'tablett', 'J01CA08', 'tablet', 'oral'],
  ['doksysyklin-100', 'Doksysyklin', '100 mg', 'tablett', 'J01AA02', 'tablet', 'oral'],
  ['trimetoprim-160', 'Trimetoprim', '160 mg', 'tablett', 'J01EA01', 'tablet', 'oral'],
  ['nitrofurantoin-50', 'Nitrofurantoin', '50 mg', 'tablett', 'J01XE01', 'tablet', 'oral'],
  ['erytromycin-250', 'Erytromycin', '250 mg', 'tablett', 'J01FA01', 'tablet', 'oral'],
  ['klaritromycin-250', 'Klaritromycin', '250 mg', 'tablett', 'J01FA09', 'tablet', 'oral'],
  // Dermatologicals (D), sensory organs (S)
  ['hydrokortison-krem-1', 'Hydrokortison', '1 %', 'krem', 'D07AA02', 'application', 'topical'],
  ['terbinafin-krem-10', 'Terbinafin', '10 mg/g', 'krem', 'D01AE15', 'application', 'topical'],
  ['kloramfenikol-oyedraper-5', 'Kloramfenikol', '5 mg/ml', 'øyedråper', 'S01AA01', 'drop', 'ocular'],
];

export const DRUG_CATALOGUE: readonly Drug[] = ROWS.map(([id, name, strength, form, atc, unit, route]) => ({ id, name, strength, form, atc, unit, route }));

const BY_ID: ReadonlyMap<string, Drug> = new Map(DRUG_CATALOGUE.map((d) => [d.id, d]));

export function drugById(id: string | undefined): Drug | undefined {
  return id ? BY_ID.get(id) : undefined;
}

/** "Metformin 500 mg tablett": the product as the journal writes it (CodeableConcept.text). */
export function productText(drug: Pick<Drug, 'name' | 'strength' | 'form'>): string {
  return `${drug.name} ${drug.strength} ${drug.form}`;
}

/** The other strengths of the same substance and form (for a strength picker), lowest first as listed. */
export function strengthsOf(drug: Drug): Drug[] {
  return DRUG_CATALOGUE.filter((d) => d.name === drug.name && d.form === drug.form);
}

/** The catalogue product a coded medicine is: same ATC code and product text, else the first with the ATC code. */
export function findDrug(atc: string | undefined, text: string | undefined): Drug | undefined {
  if (!atc) return undefined;
  const same = DRUG_CATALOGUE.filter((d) => d.atc === atc);
  return same.find((d) => productText(d) === text) ?? same[0];
}

function normalise(text: string): string {
  return text.toLocaleLowerCase('nb').replace(/\s+/g, ' ').trim();
}

/**
 * Products matching what the user typed: every word must occur in the name, strength, form or
 * ATC code (an ATC word matches the code's beginning, so "C10" finds the lipid-lowering drugs).
 * Names that start with the query come first, then ATC matches, then the rest, each
 * alphabetically.
 */
export function searchDrugs(query: string, catalogue: readonly Drug[] = DRUG_CATALOGUE): Drug[] {
  const q = normalise(query);
  if (!q) return [...catalogue];
  const words = q.split(' ');
  const rank = (d: Drug): number => {
    const name = normalise(d.name);
    if (name.startsWith(q) || normalise(productText(d)).startsWith(q)) return 0;
    if (d.atc.toLowerCase().startsWith(words[0] ?? '')) return 1;
    return 2;
  };
  return catalogue
    .filter((d) => {
      const hay = normalise(`${productText(d)} ${d.atc}`);
      const atc = d.atc.toLowerCase();
      return words.every((w) => hay.includes(w) || atc.startsWith(w));
    })
    .map((d) => ({ d, r: rank(d) }))
    .sort((a, b) => a.r - b.r || a.d.name.localeCompare(b.d.name, 'nb'))
    .map((x) => x.d);
}

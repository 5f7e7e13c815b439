import type { CodeableConcept } from 'fhir/r4';
import { CODE_SYSTEM } from '../../src/domain/codeSystems';
import { concept } from './fhir';
import type { PanelKey } from './terminology';

/**
 * The diagnoses the seed uses, with how common they are and the words a clinician would write.
 * GP diagnoses are ICPC-2 (Norwegian texts); hospital diagnoses ICD-10 (Norwegian edition,
 * written without the dot as in Volven 7110). Text placeholders {bp} {hr} {temp} {spo2} {rr}
 * {weight} {hba1c} {crp} are filled with the values measured at the same visit.
 */

/** Age bands for chronic prevalence: 0–17, 18–39, 40–59, 60–69, 70–79, 80+. */
export type Band6 = readonly [number, number, number, number, number, number];

export function band6(age: number): number {
  return age < 18 ? 0 : age < 40 ? 1 : age < 60 ? 2 : age < 70 ? 3 : age < 80 ? 4 : 5;
}

/** Age bands for acute episodes: 0–5, 6–17, 18–64, 65+. */
export type Band4 = readonly [number, number, number, number];

export function band4(age: number): number {
  return age < 6 ? 0 : age < 18 ? 1 : age < 65 ? 2 : 3;
}

export interface VisitText {
  reason: string;
  findings: readonly string[];
  assessment: string;
  plan: readonly string[];
}

export type VitalSet = 'bp' | 'weight' | 'resp' | 'infection' | 'none';

export interface ChronicDef {
  key: string;
  code: CodeableConcept;
  display: string;
  prevalence: Band6;
  sex?: { male: number; female: number };
  /** Alternative regimens (a list of medicine keys each); an empty list means no medicine. */
  regimens: ReadonlyArray<readonly string[]>;
  /** An earlier medicine some patients were switched from. */
  switchedFrom?: string;
  panel?: PanelKey;
  followUpMonths: number;
  vitals: VitalSet;
  physio?: boolean;
  radiology?: readonly [string, number];
  minAge: number;
  first: VisitText;
  follow: VisitText;
}

const icpc = (code: string, display: string): CodeableConcept => concept(CODE_SYSTEM.icpc2, code, display);
const icd = (code: string, display: string): CodeableConcept => concept(CODE_SYSTEM.icd10, code, display);

export const CHRONIC: readonly ChronicDef[] = [
  {
    key: 'K86',
    code: icpc('K86', 'Hypertensjon ukomplisert'),
    display: 'Hypertensjon ukomplisert',
    prevalence: [0, 0.03, 0.14, 0.28, 0.38, 0.42],
    regimens: [['ramipril'], ['losartan'], ['amlodipin'], ['losartan', 'amlodipin']],
    panel: 'renal',
    followUpMonths: 9,
    vitals: 'bp',
    minAge: 25,
    first: {
      reason: 'Forhøyet blodtrykk ved flere målinger',
      findings: ['BT {bp}, puls {hr} regelmessig. Cor: rene toner, ingen bilyder. Ingen ødemer.', 'Hjemmeblodtrykk snitt 152/94. BT på kontoret {bp}. Cor/pulm: u.a.'],
      assessment: 'Primær hypertensjon uten tegn til organskade.',
      plan: ['Starter blodtrykksbehandling. Livsstilsråd om salt, mosjon og vekt. Blodprøver. Kontroll om 4 uker.', 'Oppstart medikamentell behandling. Kontroll med hjemmeblodtrykk om 1 måned.'],
    },
    follow: {
      reason: 'Kontroll blodtrykk',
      findings: ['BT {bp}, puls {hr}. Ingen bivirkninger av medisinene.', 'BT {bp}. Tar medisinene daglig. Ingen brystsmerter eller tung pust.'],
      assessment: 'Hypertensjon, tilfredsstillende regulert.',
      plan: ['Fortsetter uendret behandling. Årlig kontroll med blodprøver.', 'Uendret. Ny kontroll om 6–12 måneder.'],
    },
  },
  {
    key: 'T90',
    code: icpc('T90', 'Diabetes type 2'),
    display: 'Diabetes type 2',
    prevalence: [0, 0.01, 0.05, 0.1, 0.13, 0.13],
    regimens: [['metformin'], ['metformin', 'dapagliflozin'], ['metformin', 'atorvastatin']],
    panel: 'diabetes',
    followUpMonths: 5,
    vitals: 'weight',
    minAge: 30,
    first: {
      reason: 'Tørste og hyppig vannlating',
      findings: ['Vekt {weight} kg, BT {bp}. Fotundersøkelse: normal sensibilitet, gode perifere pulser.'],
      assessment: 'Diabetes type 2, nyoppdaget. HbA1c {hba1c} mmol/mol.',
      plan: ['Starter metformin. Kostråd og henvisning til frisklivssentral. Kontroll om 3 måneder.'],
    },
    follow: {
      reason: 'Diabeteskontroll',
      findings: ['Vekt {weight} kg, BT {bp}. HbA1c {hba1c} mmol/mol. Føttene u.a., ingen sår.', 'HbA1c {hba1c} mmol/mol. Vekt {weight} kg. Ingen føling.'],
      assessment: 'Diabetes type 2, akseptabel regulering.',
      plan: ['Fortsetter behandlingen. Øyelegekontroll annethvert år. Ny kontroll om 3–6 måneder.', 'Uendret. Oppfordret til fysisk aktivitet. Ny HbA1c om 3 måneder.'],
    },
  },
  {
    key: 'T89',
    code: icpc('T89', 'Diabetes type 1'),
    display: 'Diabetes type 1',
    prevalence: [0.003, 0.005, 0.005, 0.004, 0.003, 0.002],
    regimens: [['insulin']],
    panel: 'diabetes',
    followUpMonths: 12,
    vitals: 'weight',
    minAge: 2,
    first: {
      reason: 'Diabetes type 1, ny pasient på listen',
      findings: ['Bruker insulinpenn og glukosesensor. HbA1c {hba1c} mmol/mol. Injeksjonssteder u.a.'],
      assessment: 'Diabetes type 1.',
      plan: ['Følges i diabetespoliklinikken. Fastlege tar årskontroll og fornyer resepter.'],
    },
    follow: {
      reason: 'Årskontroll diabetes type 1',
      findings: ['HbA1c {hba1c} mmol/mol. Enkelte lette følinger siste måned. Injeksjonssteder u.a.'],
      assessment: 'Diabetes type 1, stabil.',
      plan: ['Fortsetter insulin. Kontroll om 12 måneder.'],
    },
  },
  {
    key: 'R96',
    code: icpc('R96', 'Astma'),
    display: 'Astma',
    prevalence: [0.06, 0.07, 0.06, 0.06, 0.05, 0.04],
    regimens: [['salbutamol'], ['salbutamol', 'salmeterolFlutikason']],
    followUpMonths: 14,
    vitals: 'resp',
    minAge: 3,
    first: {
      reason: 'Tung pust og pipelyder ved anstrengelse',
      findings: ['SpO2 {spo2} %. Pulm: lette ekspiratoriske pipelyder. Spirometri med signifikant reversibilitet.'],
      assessment: 'Astma.',
      plan: ['Starter inhalasjonsbehandling. Inhalasjonsteknikk gjennomgått. Kontroll om 6 uker.'],
    },
    follow: {
      reason: 'Astmakontroll',
      findings: ['SpO2 {spo2} %. Pulm: vesikulær respirasjonslyd, ingen pipelyder. Bruker anfallsmedisin sjelden.'],
      assessment: 'Astma, godt kontrollert.',
      plan: ['Uendret behandling. Kontroll om 1 år.'],
    },
  },
  {
    key: 'R95',
    code: icpc('R95', 'Kronisk obstruktiv lungesykdom'),
    display: 'Kronisk obstruktiv lungesykdom',
    prevalence: [0, 0.002, 0.03, 0.07, 0.09, 0.1],
    regimens: [['tiotropium', 'salbutamol'], ['salmeterolFlutikason', 'salbutamol']],
    followUpMonths: 8,
    vitals: 'resp',
    radiology: ['thorax', 1],
    minAge: 40,
    first: {
      reason: 'Økende tung pust og hoste over tid',
      findings: ['Tidligere røyker, 30 pakkeår. SpO2 {spo2} %. Spirometri: FEV1/FVC 0,62 etter bronkodilatasjon.'],
      assessment: 'Kronisk obstruktiv lungesykdom.',
      plan: ['Røykeslutt anbefalt. Starter langtidsvirkende bronkodilatator. Influensa- og pneumokokkvaksine.'],
    },
    follow: {
      reason: 'KOLS-kontroll',
      findings: ['SpO2 {spo2} %, RF {rr}. Pulm: svekket respirasjonslyd basalt, ingen knatrelyder.'],
      assessment: 'KOLS, stabil fase.',
      plan: ['Fortsetter inhalasjonsbehandling. Egenbehandlingsplan gjennomgått.'],
    },
  },
  {
    key: 'K78',
    code: icpc('K78', 'Atrieflimmer/flutter'),
    display: 'Atrieflimmer/flutter',
    prevalence: [0, 0.002, 0.01, 0.04, 0.08, 0.14],
    regimens: [['rivaroksaban', 'metoprolol'], ['apixaban', 'metoprolol'], ['apixaban']],
    panel: 'doac',
    followUpMonths: 10,
    vitals: 'bp',
    minAge: 35,
    first: {
      reason: 'Hjertebank og slapphet',
      findings: ['Puls {hr} uregelmessig. BT {bp}. EKG: atrieflimmer med middels rask ventrikkelrespons.'],
      assessment: 'Atrieflimmer, CHA2DS2-VASc 3.',
      plan: ['Starter antikoagulasjon og frekvensregulering. Henvist kardiolog. Blodprøver.'],
    },
    follow: {
      reason: 'Kontroll atrieflimmer',
      findings: ['Puls {hr} uregelmessig, BT {bp}. Ingen blødningstendens.'],
      assessment: 'Permanent atrieflimmer, frekvensregulert.',
      plan: ['Fortsetter antikoagulasjon. Årlig kontroll av nyrefunksjon og Hb.'],
    },
  },
  {
    key: 'K74',
    code: icpc('K74', 'Iskemisk hjertesykdom med angina'),
    display: 'Iskemisk hjertesykdom med angina',
    prevalence: [0, 0, 0.01, 0.04, 0.07, 0.09],
    sex: { male: 1.4, female: 0.6 },
    regimens: [['asa', 'atorvastatin', 'metoprolol']],
    switchedFrom: 'simvastatin',
    panel: 'lipids',
    followUpMonths: 8,
    vitals: 'bp',
    minAge: 40,
    first: {
      reason: 'Brystsmerter ved anstrengelse',
      findings: ['BT {bp}, puls {hr}. EKG i hvile uten iskemitegn.'],
      assessment: 'Stabil angina pectoris.',
      plan: ['Henvist kardiolog. Starter platehemmer og statin. Nitroglyserin ved behov.'],
    },
    follow: {
      reason: 'Kontroll angina',
      findings: ['Få anfall, ingen hvilesmerter. BT {bp}, puls {hr}.'],
      assessment: 'Stabil angina, godt behandlet.',
      plan: ['Uendret. Kontroll om 6 måneder.'],
    },
  },
  {
    key: 'K77',
    code: icpc('K77', 'Hjertesvikt'),
    display: 'Hjertesvikt',
    prevalence: [0, 0, 0.003, 0.01, 0.03, 0.08],
    regimens: [['furosemid', 'ramipril', 'metoprolol']],
    panel: 'renal',
    followUpMonths: 4,
    vitals: 'weight',
    radiology: ['thorax', 2],
    minAge: 45,
    first: {
      reason: 'Økende tung pust og hovne ankler',
      findings: ['BT {bp}, puls {hr}. Pittingødem til midt på leggen. Knatrelyder basalt bilateralt. Vekt {weight} kg.'],
      assessment: 'Hjertesvikt, NYHA II–III.',
      plan: ['Starter vanndrivende. Henvist ekkokardiografi. Daglig vektkontroll.'],
    },
    follow: {
      reason: 'Kontroll hjertesvikt',
      findings: ['Vekt {weight} kg, stabil. BT {bp}. Lette ankelødemer.'],
      assessment: 'Hjertesvikt, kompensert.',
      plan: ['Fortsetter behandlingen. Kontroll av elektrolytter og nyrefunksjon.'],
    },
  },
  {
    key: 'K90',
    code: icpc('K90', 'Hjerneslag'),
    display: 'Hjerneslag',
    prevalence: [0, 0, 0.003, 0.015, 0.03, 0.05],
    regimens: [['klopidogrel', 'atorvastatin']],
    panel: 'lipids',
    followUpMonths: 12,
    vitals: 'bp',
    physio: true,
    minAge: 45,
    first: {
      reason: 'Etterkontroll etter hjerneinfarkt',
      findings: ['Lett gjenværende kraftsvikt i høyre hånd. BT {bp}.'],
      assessment: 'Tilstand etter hjerneinfarkt.',
      plan: ['Sekundærprofylakse med platehemmer og statin. Henvist fysioterapi.'],
    },
    follow: {
      reason: 'Kontroll etter hjerneslag',
      findings: ['BT {bp}, puls {hr}. Ingen nye nevrologiske utfall.'],
      assessment: 'Stabil etter hjerneslag.',
      plan: ['Uendret sekundærprofylakse.'],
    },
  },
  {
    key: 'T93',
    code: icpc('T93', 'Lipidforstyrrelse'),
    display: 'Lipidforstyrrelse',
    prevalence: [0, 0.01, 0.08, 0.15, 0.17, 0.14],
    regimens: [['atorvastatin'], ['simvastatin']],
    switchedFrom: 'simvastatin',
    panel: 'lipids',
    followUpMonths: 12,
    vitals: 'bp',
    minAge: 25,
    first: {
      reason: 'Forhøyet kolesterol ved helsesjekk',
      findings: ['BT {bp}. Familiær disposisjon for hjerte- og karsykdom.'],
      assessment: 'Hyperkolesterolemi.',
      plan: ['Starter statin. Kostråd. Ny lipidstatus om 3 måneder.'],
    },
    follow: {
      reason: 'Kontroll kolesterol',
      findings: ['Tåler statin godt, ingen muskelsmerter. BT {bp}.'],
      assessment: 'Hyperkolesterolemi, behandlingsmålet nådd.',
      plan: ['Uendret. Årlig kontroll.'],
    },
  },
  {
    key: 'T86',
    code: icpc('T86', 'Hypotyreose/myksødem'),
    display: 'Hypotyreose/myksødem',
    prevalence: [0.001, 0.02, 0.05, 0.07, 0.08, 0.08],
    sex: { male: 0.25, female: 1.75 },
    regimens: [['levotyroksin']],
    panel: 'thyroid',
    followUpMonths: 12,
    vitals: 'none',
    minAge: 10,
    first: {
      reason: 'Slapphet, frysing og vektøkning',
      findings: ['Tørr hud. Puls {hr}. TSH forhøyet ved forrige prøve.'],
      assessment: 'Hypotyreose.',
      plan: ['Starter levotyroksin. Ny TSH om 6 uker.'],
    },
    follow: {
      reason: 'Kontroll stoffskifte',
      findings: ['Føler seg i form. Puls {hr}.'],
      assessment: 'Hypotyreose, velregulert.',
      plan: ['Uendret dose. TSH årlig.'],
    },
  },
  {
    key: 'P76',
    code: icpc('P76', 'Depresjon'),
    display: 'Depresjon',
    prevalence: [0.005, 0.06, 0.06, 0.05, 0.04, 0.04],
    sex: { male: 0.7, female: 1.3 },
    regimens: [['sertralin'], ['escitalopram'], []],
    followUpMonths: 4,
    vitals: 'none',
    minAge: 14,
    first: {
      reason: 'Nedstemthet og søvnvansker over flere uker',
      findings: ['Orientert, senket stemningsleie, ingen suicidale tanker. MADRS 24.'],
      assessment: 'Moderat depressiv episode.',
      plan: ['Starter SSRI. Samtaleoppfølging. Sykmeldt 50 %. Ny time om 2 uker.', 'Samtaleoppfølging, henvist Rask psykisk helsehjelp. Ny time om 2 uker.'],
    },
    follow: {
      reason: 'Oppfølging depresjon',
      findings: ['Bedre stemningsleie, sover bedre. Ingen suicidale tanker. MADRS 12.', 'Fortsatt noe tiltaksløs, men fungerer bedre i hverdagen. Ingen suicidale tanker.'],
      assessment: 'Depresjon i bedring.',
      plan: ['Fortsetter behandlingen minst 6 måneder. Ny samtale om 4 uker.'],
    },
  },
  {
    key: 'P74',
    code: icpc('P74', 'Angstlidelse'),
    display: 'Angstlidelse',
    prevalence: [0.01, 0.05, 0.04, 0.03, 0.02, 0.02],
    sex: { male: 0.7, female: 1.3 },
    regimens: [['escitalopram'], []],
    followUpMonths: 6,
    vitals: 'none',
    minAge: 12,
    first: {
      reason: 'Indre uro og hjertebank',
      findings: ['Rolig i konsultasjonen. Puls {hr}, BT {bp}. Somatisk status u.a.'],
      assessment: 'Generalisert angstlidelse.',
      plan: ['Psykoedukasjon. Henvist Rask psykisk helsehjelp. Vurderer SSRI.'],
    },
    follow: {
      reason: 'Oppfølging angst',
      findings: ['Mindre uro. Deltar på kurs i mestring av angst.'],
      assessment: 'Angstlidelse i bedring.',
      plan: ['Fortsetter samme opplegg. Ny time ved behov.'],
    },
  },
  {
    key: 'P06',
    code: icpc('P06', 'Søvnforstyrrelse'),
    display: 'Søvnforstyrrelse',
    prevalence: [0, 0.02, 0.04, 0.05, 0.06, 0.08],
    regimens: [['zopiklon']],
    followUpMonths: 12,
    vitals: 'none',
    minAge: 18,
    first: {
      reason: 'Innsovningsvansker',
      findings: ['Søvndagbok viser 4–5 timers søvn. Ingen tegn til depresjon.'],
      assessment: 'Insomni.',
      plan: ['Råd om søvnhygiene. Zopiklon ved behov, høyst 2–3 netter i uken.'],
    },
    follow: {
      reason: 'Kontroll søvn',
      findings: ['Sover noe bedre. Bruker sovemedisin 1–2 netter i uken.'],
      assessment: 'Insomni i bedring.',
      plan: ['Fortsetter søvnhygiene, trapper ned sovemedisin.'],
    },
  },
  {
    key: 'P70',
    code: icpc('P70', 'Demens'),
    display: 'Demens',
    prevalence: [0, 0, 0.001, 0.01, 0.05, 0.17],
    regimens: [['donepezil'], []],
    followUpMonths: 6,
    vitals: 'bp',
    minAge: 55,
    first: {
      reason: 'Hukommelsessvikt, pårørende bekymret',
      findings: ['MMSE 21/30. Klokketest patologisk. Blodprøver uten funn.'],
      assessment: 'Demens, sannsynlig Alzheimers sykdom.',
      plan: ['Henvist hukommelsesteamet. Oppstart kolinesterasehemmer. Pårørende informert.'],
    },
    follow: {
      reason: 'Oppfølging demens',
      findings: ['Pårørende forteller om langsom forverring. MMSE 18/30. BT {bp}.'],
      assessment: 'Demens av moderat grad.',
      plan: ['Vurderer mer hjelp fra hjemmetjenesten. Samtale med pårørende.'],
    },
  },
  {
    key: 'L90',
    code: icpc('L90', 'Kneartrose'),
    display: 'Kneartrose',
    prevalence: [0, 0.005, 0.05, 0.12, 0.17, 0.2],
    regimens: [['paracetamol']],
    followUpMonths: 18,
    vitals: 'weight',
    physio: true,
    radiology: ['knee', 0],
    minAge: 35,
    first: {
      reason: 'Smerter i høyre kne ved gange',
      findings: ['Krepitasjon, lett hevelse, ingen væske. Bevegelighet 0–110 grader.'],
      assessment: 'Kneartrose.',
      plan: ['Røntgen kne. Henvist fysioterapi. Paracetamol ved behov. Vektreduksjon anbefalt.'],
    },
    follow: {
      reason: 'Kontroll kneplager',
      findings: ['Fortsatt belastningssmerter. Vekt {weight} kg. Trener hos fysioterapeut.'],
      assessment: 'Kneartrose, stabil.',
      plan: ['Fortsetter trening. Henvisning til ortoped ved forverring.'],
    },
  },
  {
    key: 'L89',
    code: icpc('L89', 'Hofteartrose'),
    display: 'Hofteartrose',
    prevalence: [0, 0.002, 0.03, 0.08, 0.11, 0.14],
    regimens: [['paracetamol']],
    followUpMonths: 18,
    vitals: 'none',
    physio: true,
    radiology: ['hip', 1],
    minAge: 40,
    first: {
      reason: 'Smerter i lysken og stivhet om morgenen',
      findings: ['Smertefull og nedsatt innadrotasjon i venstre hofte.'],
      assessment: 'Hofteartrose.',
      plan: ['Røntgen bekken. Henvist fysioterapi. Paracetamol ved behov.'],
    },
    follow: {
      reason: 'Kontroll hofte',
      findings: ['Økende smerter, går kortere strekninger.'],
      assessment: 'Hofteartrose, tiltagende.',
      plan: ['Henvist ortoped for vurdering av protese.'],
    },
  },
  {
    key: 'L88',
    code: icpc('L88', 'Revmatoid artritt'),
    display: 'Revmatoid artritt',
    prevalence: [0, 0.004, 0.008, 0.01, 0.012, 0.012],
    sex: { male: 0.5, female: 1.5 },
    regimens: [['metotreksat']],
    panel: 'ra',
    followUpMonths: 4,
    vitals: 'none',
    minAge: 20,
    first: {
      reason: 'Hovne og ømme fingerledd, morgenstivhet',
      findings: ['Synovitt i MCP 2–3 bilateralt. CRP {crp}.'],
      assessment: 'Revmatoid artritt.',
      plan: ['Henvist revmatolog. Metotreksat etter avtale med revmatolog. Blodprøvekontroller.'],
    },
    follow: {
      reason: 'Metotreksatkontroll',
      findings: ['Lite leddplager. Ingen munnsår eller infeksjoner. CRP {crp}.'],
      assessment: 'Revmatoid artritt i remisjon.',
      plan: ['Fortsetter metotreksat. Blodprøver hver 3. måned.'],
    },
  },
  {
    key: 'L95',
    code: icpc('L95', 'Osteoporose'),
    display: 'Osteoporose',
    prevalence: [0, 0.001, 0.02, 0.06, 0.12, 0.2],
    sex: { male: 0.3, female: 1.7 },
    regimens: [['alendronat', 'kalsiumD']],
    followUpMonths: 12,
    vitals: 'none',
    minAge: 45,
    first: {
      reason: 'Oppfølging etter håndleddsbrudd',
      findings: ['Beintetthetsmåling: T-skår −2,8 i lårhalsen.'],
      assessment: 'Osteoporose.',
      plan: ['Starter bisfosfonat og kalsium/vitamin D. Råd om fallforebygging.'],
    },
    follow: {
      reason: 'Kontroll osteoporose',
      findings: ['Tar ukestabletten som anvist. Ingen nye brudd.'],
      assessment: 'Osteoporose under behandling.',
      plan: ['Fortsetter behandlingen, i alt 5 år.'],
    },
  },
  {
    key: 'L84',
    code: icpc('L84', 'Ryggsyndrom uten smerteutstråling'),
    display: 'Ryggsyndrom uten smerteutstråling',
    prevalence: [0, 0.03, 0.05, 0.05, 0.04, 0.03],
    regimens: [['paracetamol'], ['ibuprofen']],
    followUpMonths: 18,
    vitals: 'none',
    physio: true,
    radiology: ['lumbarMr', 1],
    minAge: 18,
    first: {
      reason: 'Langvarige smerter i korsryggen',
      findings: ['Ingen utstråling. Negativ Lasègue. Normal nevrologi i underekstremitetene.'],
      assessment: 'Ryggsyndrom uten smerteutstråling.',
      plan: ['Råd om å holde seg i aktivitet. Henvist fysioterapi. Smertestillende ved behov i en kort periode.'],
    },
    follow: {
      reason: 'Kontroll ryggplager',
      findings: ['Bedre etter trening. Fortsatt stivhet om morgenen.'],
      assessment: 'Ryggsmerter i bedring.',
      plan: ['Fortsetter egentrening.'],
    },
  },
  {
    key: 'L92',
    code: icpc('L92', 'Skuldersyndrom'),
    display: 'Skuldersyndrom',
    prevalence: [0, 0.01, 0.03, 0.03, 0.02, 0.01],
    regimens: [[]],
    followUpMonths: 12,
    vitals: 'none',
    physio: true,
    radiology: ['shoulderUs', 0],
    minAge: 25,
    first: {
      reason: 'Smerter i høyre skulder ved løft',
      findings: ['Smertefull bue 60–120 grader. Positiv Hawkins test.'],
      assessment: 'Skuldersyndrom (impingement).',
      plan: ['Henvist fysioterapi. Ultralyd skulder.'],
    },
    follow: {
      reason: 'Kontroll skulder',
      findings: ['Mindre smerter etter øvelsesbehandling.'],
      assessment: 'Skuldersyndrom i bedring.',
      plan: ['Fortsetter øvelsene.'],
    },
  },
  {
    key: 'Y85',
    code: icpc('Y85', 'Benign prostatahypertrofi'),
    display: 'Benign prostatahypertrofi',
    prevalence: [0, 0, 0.03, 0.12, 0.2, 0.25],
    sex: { male: 2, female: 0 },
    regimens: [['tamsulosin']],
    followUpMonths: 12,
    vitals: 'bp',
    minAge: 45,
    first: {
      reason: 'Hyppig vannlating om natten og svak stråle',
      findings: ['Rektal eksplorasjon: glatt, forstørret prostata. PSA normal.'],
      assessment: 'Benign prostatahyperplasi.',
      plan: ['Starter alfablokker. Kontroll om 3 måneder.'],
    },
    follow: {
      reason: 'Kontroll vannlatingsplager',
      findings: ['Står opp én gang per natt. BT {bp}.'],
      assessment: 'Godartet prostataforstørrelse, bedre på behandling.',
      plan: ['Uendret behandling.'],
    },
  },
  {
    key: 'D84',
    code: icpc('D84', 'Øsofagussykdom'),
    display: 'Øsofagussykdom',
    prevalence: [0, 0.02, 0.05, 0.07, 0.08, 0.08],
    regimens: [['omeprazol']],
    followUpMonths: 18,
    vitals: 'none',
    minAge: 18,
    first: {
      reason: 'Halsbrann og sure oppstøt',
      findings: ['Lett øm i epigastriet. Ingen alarmsymptomer.'],
      assessment: 'Gastroøsofageal refluks.',
      plan: ['Protonpumpehemmer i 4 uker, deretter ved behov. Livsstilsråd.'],
    },
    follow: {
      reason: 'Kontroll refluks',
      findings: ['Lite plager på behandlingen.'],
      assessment: 'Refluks, velbehandlet.',
      plan: ['Forsøker nedtrapping til laveste effektive dose.'],
    },
  },
  {
    key: 'N89',
    code: icpc('N89', 'Migrene'),
    display: 'Migrene',
    prevalence: [0.01, 0.08, 0.06, 0.03, 0.01, 0.005],
    sex: { male: 0.5, female: 1.5 },
    regimens: [['sumatriptan']],
    followUpMonths: 18,
    vitals: 'bp',
    minAge: 10,
    first: {
      reason: 'Tilbakevendende hodepine med kvalme og lysskyhet',
      findings: ['Normal nevrologisk undersøkelse. BT {bp}.'],
      assessment: 'Migrene uten aura.',
      plan: ['Triptan ved anfall. Hodepinedagbok.'],
    },
    follow: {
      reason: 'Kontroll migrene',
      findings: ['2–3 anfall i måneden, god effekt av triptan.'],
      assessment: 'Migrene, stabil.',
      plan: ['Uendret. Vurderer forebyggende behandling ved hyppigere anfall.'],
    },
  },
  {
    key: 'N88',
    code: icpc('N88', 'Epilepsi'),
    display: 'Epilepsi',
    prevalence: [0.005, 0.006, 0.006, 0.007, 0.008, 0.008],
    regimens: [['lamotrigin']],
    followUpMonths: 12,
    vitals: 'none',
    minAge: 2,
    first: {
      reason: 'Epilepsi, ny på listen',
      findings: ['Anfallsfri siste 2 år. Normal nevrologisk status.'],
      assessment: 'Epilepsi, velregulert.',
      plan: ['Fortsetter antiepileptikum. Nevrologisk kontroll ved behov.'],
    },
    follow: {
      reason: 'Kontroll epilepsi',
      findings: ['Anfallsfri. Ingen bivirkninger.'],
      assessment: 'Epilepsi, anfallsfri.',
      plan: ['Uendret behandling.'],
    },
  },
  {
    key: 'S87',
    code: icpc('S87', 'Atopisk eksem'),
    display: 'Atopisk eksem',
    prevalence: [0.08, 0.03, 0.02, 0.01, 0.01, 0.01],
    regimens: [['hydrokortison']],
    followUpMonths: 18,
    vitals: 'none',
    minAge: 0,
    first: {
      reason: 'Kløende utslett i albuebøyer og knehaser',
      findings: ['Tørr hud, eksem i fleksurene. Ingen tegn til infeksjon.'],
      assessment: 'Atopisk eksem.',
      plan: ['Fuktighetskrem daglig. Hydrokortisonkrem i perioder med utbrudd.'],
    },
    follow: {
      reason: 'Kontroll eksem',
      findings: ['Lite eksem nå, bruker fuktighetskrem.'],
      assessment: 'Atopisk eksem, rolig fase.',
      plan: ['Fortsetter hudpleie.'],
    },
  },
  {
    key: 'B80',
    code: icpc('B80', 'Jernmangelanemi'),
    display: 'Jernmangelanemi',
    prevalence: [0.005, 0.02, 0.015, 0.01, 0.015, 0.02],
    sex: { male: 0.4, female: 1.6 },
    regimens: [['jern']],
    panel: 'anaemia',
    followUpMonths: 6,
    vitals: 'none',
    minAge: 1,
    first: {
      reason: 'Slapphet og tung pust ved anstrengelse',
      findings: ['Blek. Puls {hr}. Lav Hb og ferritin.'],
      assessment: 'Jernmangelanemi.',
      plan: ['Starter jerntilskudd. Utreder årsak. Ny Hb om 6 uker.'],
    },
    follow: {
      reason: 'Kontroll anemi',
      findings: ['Mindre slapp. Tåler jerntablettene.'],
      assessment: 'Jernmangelanemi i bedring.',
      plan: ['Fortsetter jern i 3 måneder etter normal Hb.'],
    },
  },
  {
    key: 'T82',
    code: icpc('T82', 'Fedme'),
    display: 'Fedme',
    prevalence: [0.02, 0.06, 0.08, 0.08, 0.06, 0.03],
    regimens: [[]],
    followUpMonths: 12,
    vitals: 'weight',
    minAge: 6,
    first: {
      reason: 'Ønsker hjelp til vektreduksjon',
      findings: ['Vekt {weight} kg, KMI 34. BT {bp}.'],
      assessment: 'Fedme.',
      plan: ['Henvist frisklivssentral. Råd om kosthold og fysisk aktivitet.'],
    },
    follow: {
      reason: 'Kontroll vekt',
      findings: ['Vekt {weight} kg. Går tur daglig.'],
      assessment: 'Fedme, lett vektnedgang.',
      plan: ['Fortsetter livsstilsendringen.'],
    },
  },
];

export interface AcuteDef {
  key: string;
  code: CodeableConcept;
  display: string;
  /** Episodes per year by age band 0–5, 6–17, 18–64, 65+. */
  rates: Band4;
  sex?: { male: number; female: number };
  /** Share handled at the emergency clinic (the rest at the GP office or by phone). */
  edShare: number;
  phoneShare: number;
  /** Medicine course options by age: child (< 12) and adult. */
  meds?: { child?: readonly string[]; adult?: readonly string[]; share: number };
  crp?: boolean;
  vitals: VitalSet;
  radiology?: readonly [string, number, number];
  text: VisitText;
  /** Triage colour at the emergency clinic. */
  triage: 'Gul' | 'Grønn' | 'Blå' | 'Oransje';
}

export const ACUTE: readonly AcuteDef[] = [
  {
    key: 'R74',
    code: icpc('R74', 'Akutt øvre luftveisinfeksjon'),
    display: 'Akutt øvre luftveisinfeksjon',
    rates: [0.7, 0.25, 0.12, 0.08],
    edShare: 0.1,
    phoneShare: 0.25,
    vitals: 'infection',
    text: {
      reason: 'Sår hals, tett nese og hoste i 4 dager',
      findings: ['Temp {temp} °C. Rødt svelg uten belegg. Pulm: u.a.'],
      assessment: 'Akutt øvre luftveisinfeksjon.',
      plan: ['Symptomatisk behandling. Ny kontakt ved forverring.'],
    },
    triage: 'Grønn',
  },
  {
    key: 'R78',
    code: icpc('R78', 'Akutt bronkitt/bronkiolitt'),
    display: 'Akutt bronkitt/bronkiolitt',
    rates: [0.2, 0.05, 0.04, 0.07],
    edShare: 0.2,
    phoneShare: 0.05,
    crp: true,
    vitals: 'infection',
    text: {
      reason: 'Hoste i 10 dager, lett feber',
      findings: ['Temp {temp} °C, SpO2 {spo2} %. Pulm: spredte ronkier, ingen knatrelyder. CRP {crp}.'],
      assessment: 'Akutt bronkitt.',
      plan: ['Ingen antibiotika. Råd om hostedemping. Ny kontakt ved forverring.'],
    },
    triage: 'Grønn',
  },
  {
    key: 'R81',
    code: icpc('R81', 'Lungebetennelse'),
    display: 'Lungebetennelse',
    rates: [0.03, 0.01, 0.01, 0.04],
    edShare: 0.4,
    phoneShare: 0,
    meds: { child: ['penicillinMikstur'], adult: ['penicillin1g', 'doksysyklin'], share: 0.95 },
    crp: true,
    vitals: 'infection',
    radiology: ['thorax', 0, 0.3],
    text: {
      reason: 'Feber, hoste og smerter ved innpust',
      findings: ['Temp {temp} °C, RF {rr}, SpO2 {spo2} %. Knatrelyder basalt høyre. CRP {crp}.'],
      assessment: 'Pneumoni.',
      plan: ['Starter antibiotika. Kontroll om 2 dager.'],
    },
    triage: 'Gul',
  },
  {
    key: 'R76',
    code: icpc('R76', 'Akutt tonsillitt/peritonsillær abscess'),
    display: 'Akutt tonsillitt/peritonsillær abscess',
    rates: [0.05, 0.08, 0.03, 0.01],
    edShare: 0.25,
    phoneShare: 0,
    meds: { child: ['penicillinMikstur'], adult: ['penicillin660'], share: 0.9 },
    vitals: 'infection',
    text: {
      reason: 'Vondt i halsen og feber',
      findings: ['Temp {temp} °C. Belegg på tonsillene, ømme lymfeknuter på halsen. Streptokokk A-hurtigtest positiv.'],
      assessment: 'Akutt tonsillitt.',
      plan: ['Penicillin i 5 dager.'],
    },
    triage: 'Grønn',
  },
  {
    key: 'R75',
    code: icpc('R75', 'Bihulebetennelse akutt/kronisk'),
    display: 'Bihulebetennelse akutt/kronisk',
    rates: [0.01, 0.03, 0.05, 0.03],
    edShare: 0.05,
    phoneShare: 0.2,
    meds: { adult: ['penicillin660'], share: 0.3 },
    crp: true,
    vitals: 'infection',
    text: {
      reason: 'Tett nese og smerter over kinnbeina i 2 uker',
      findings: ['Bankeøm over kjevehulene. Temp {temp} °C. CRP {crp}.'],
      assessment: 'Akutt bihulebetennelse.',
      plan: ['Nesespray og smertestillende. Antibiotika ved manglende bedring.'],
    },
    triage: 'Blå',
  },
  {
    key: 'H71',
    code: icpc('H71', 'Akutt mellomørebetennelse/myringitt'),
    display: 'Akutt mellomørebetennelse/myringitt',
    rates: [0.4, 0.08, 0.01, 0.005],
    edShare: 0.35,
    phoneShare: 0,
    meds: { child: ['penicillinMikstur'], adult: ['penicillin660'], share: 0.5 },
    vitals: 'infection',
    text: {
      reason: 'Øreverk og feber siden i natt',
      findings: ['Temp {temp} °C. Rød, buktende trommehinne på venstre side.'],
      assessment: 'Akutt mellomørebetennelse.',
      plan: ['Smertestillende. Penicillin ved vedvarende plager etter 2–3 dager.'],
    },
    triage: 'Grønn',
  },
  {
    key: 'U71',
    code: icpc('U71', 'Cystitt/urinveisinfeksjon IKA'),
    display: 'Cystitt/urinveisinfeksjon IKA',
    rates: [0.01, 0.02, 0.05, 0.08],
    sex: { male: 0.3, female: 1.7 },
    edShare: 0.15,
    phoneShare: 0.3,
    meds: { child: ['pivmecillinam'], adult: ['pivmecillinam', 'nitrofurantoin'], share: 0.9 },
    vitals: 'none',
    text: {
      reason: 'Svie ved vannlating og hyppig vannlating',
      findings: ['Urinstiks: nitritt positiv, leukocytter 2+. Afebril.'],
      assessment: 'Akutt cystitt.',
      plan: ['Antibiotikakur i 3–5 dager.'],
    },
    triage: 'Grønn',
  },
  {
    key: 'D73',
    code: icpc('D73', 'Gastroenteritt antatt infeksiøs'),
    display: 'Gastroenteritt antatt infeksiøs',
    rates: [0.2, 0.07, 0.04, 0.04],
    edShare: 0.35,
    phoneShare: 0.3,
    vitals: 'infection',
    text: {
      reason: 'Oppkast og diaré siden i går',
      findings: ['Lett dehydrert, bløt og uøm buk. Temp {temp} °C.'],
      assessment: 'Gastroenteritt, antatt viral.',
      plan: ['Rikelig drikke. Ny kontakt ved tegn til uttørking.'],
    },
    triage: 'Grønn',
  },
  {
    key: 'L03',
    code: icpc('L03', 'Korsryggsymptomer/plager'),
    display: 'Korsryggsymptomer/plager',
    rates: [0, 0.02, 0.07, 0.05],
    edShare: 0.15,
    phoneShare: 0,
    meds: { adult: ['ibuprofen'], share: 0.6 },
    vitals: 'none',
    text: {
      reason: 'Akutte smerter i korsryggen etter løft',
      findings: ['Stram paravertebral muskulatur. Negativ Lasègue. Normal nevrologi.'],
      assessment: 'Akutte korsryggsmerter.',
      plan: ['Holde seg i aktivitet. Ibuprofen ved behov i noen dager.'],
    },
    triage: 'Grønn',
  },
  {
    key: 'S18',
    code: icpc('S18', 'Rift/kutt i hud'),
    display: 'Rift/kutt i hud',
    rates: [0.05, 0.05, 0.03, 0.03],
    edShare: 0.85,
    phoneShare: 0,
    vitals: 'none',
    text: {
      reason: 'Kuttskade i hånden',
      findings: ['3 cm kutt volart på venstre pekefinger. Normal sensibilitet og sirkulasjon distalt.'],
      assessment: 'Kuttskade finger.',
      plan: ['Sutert med 4 sting. Stingene fjernes hos fastlegen om 10 dager.'],
    },
    triage: 'Grønn',
  },
  {
    key: 'L77',
    code: icpc('L77', 'Forstuing/forstrekking ankel'),
    display: 'Forstuing/forstrekking ankel',
    rates: [0.01, 0.04, 0.02, 0.01],
    edShare: 0.7,
    phoneShare: 0,
    vitals: 'none',
    text: {
      reason: 'Vridd ankelen på trening',
      findings: ['Hevelse og ømhet lateralt. Kan gå fire skritt. Ottawa-reglene: ikke behov for røntgen.'],
      assessment: 'Forstuing av ankel.',
      plan: ['Kompresjon og høyt leie. Gradvis belastning.'],
    },
    triage: 'Blå',
  },
  {
    key: 'F70',
    code: icpc('F70', 'Konjunktivitt infeksiøs'),
    display: 'Konjunktivitt infeksiøs',
    rates: [0.15, 0.03, 0.02, 0.02],
    edShare: 0.2,
    phoneShare: 0.4,
    meds: { child: ['kloramfenikol'], adult: ['kloramfenikol'], share: 0.4 },
    vitals: 'none',
    text: {
      reason: 'Rødt og klebrig øye',
      findings: ['Injisert konjunktiva og purulent sekret. Normal visus.'],
      assessment: 'Infeksiøs konjunktivitt.',
      plan: ['Rens med saltvann. Øyedråper ved manglende bedring.'],
    },
    triage: 'Blå',
  },
  {
    key: 'A04',
    code: icpc('A04', 'Slapphet/tretthet'),
    display: 'Slapphet/tretthet',
    rates: [0, 0.01, 0.04, 0.04],
    edShare: 0,
    phoneShare: 0,
    vitals: 'bp',
    text: {
      reason: 'Slapphet de siste månedene',
      findings: ['Normal klinisk undersøkelse. BT {bp}, puls {hr}.'],
      assessment: 'Slapphet, uavklart.',
      plan: ['Blodprøvestatus. Ny time for å gå gjennom svarene.'],
    },
    triage: 'Blå',
  },
  {
    key: 'R80',
    code: icpc('R80', 'Influensa'),
    display: 'Influensa',
    rates: [0.05, 0.05, 0.04, 0.04],
    edShare: 0.3,
    phoneShare: 0.3,
    vitals: 'infection',
    text: {
      reason: 'Høy feber, muskelsmerter og hoste',
      findings: ['Temp {temp} °C. Pulm: u.a. SpO2 {spo2} %.'],
      assessment: 'Influensa.',
      plan: ['Hvile og febernedsettende. Ny kontakt ved pustebesvær.'],
    },
    triage: 'Gul',
  },
  {
    key: 'S74',
    code: icpc('S74', 'Dermatofytose'),
    display: 'Dermatofytose',
    rates: [0.01, 0.02, 0.03, 0.03],
    edShare: 0,
    phoneShare: 0.2,
    meds: { child: ['terbinafin'], adult: ['terbinafin'], share: 0.9 },
    vitals: 'none',
    text: {
      reason: 'Kløende utslett mellom tærne',
      findings: ['Maserert, flassende hud i fjerde tåmellomrom.'],
      assessment: 'Fotsopp.',
      plan: ['Terbinafinkrem i 2 uker.'],
    },
    triage: 'Blå',
  },
];

export interface HospitalDxDef {
  key: string;
  code: CodeableConcept;
  display: string;
  /** Events per year by Band6. */
  rates: Band6;
  /** Share seen first at the emergency clinic (legevakt) and referred. */
  viaEd: number;
  inpatientDays: readonly [number, number];
  radiology?: readonly [string, number];
  /** Medicines started at the hospital (continued by the GP). */
  meds?: readonly string[];
  physio?: boolean;
  edReason: string;
  edFindings: string;
  followUp: VisitText;
  triage: 'Rød' | 'Oransje' | 'Gul';
}

export const HOSPITAL_DX: readonly HospitalDxDef[] = [
  {
    key: 'I219',
    code: icd('I219', 'Akutt hjerteinfarkt, uspesifisert'),
    display: 'Akutt hjerteinfarkt, uspesifisert',
    rates: [0, 0.0005, 0.003, 0.008, 0.012, 0.015],
    viaEd: 0.6,
    inpatientDays: [3, 6],
    meds: ['asa', 'atorvastatin', 'metoprolol'],
    edReason: 'Trykkende brystsmerter siste time',
    edFindings: 'BT {bp}, puls {hr}, SpO2 {spo2} %. EKG: ST-senkninger i V4–V6.',
    followUp: {
      reason: 'Kontroll etter hjerteinfarkt',
      findings: ['Epikrise mottatt. Ingen brystsmerter etter utskrivning. BT {bp}, puls {hr}.'],
      assessment: 'Tilstand etter hjerteinfarkt behandlet med PCI.',
      plan: ['Fortsetter sekundærprofylakse. Henvist hjerterehabilitering.'],
    },
    triage: 'Oransje',
  },
  {
    key: 'J189',
    code: icd('J189', 'Pneumoni, uspesifisert'),
    display: 'Pneumoni, uspesifisert',
    rates: [0.002, 0.001, 0.002, 0.005, 0.01, 0.03],
    viaEd: 0.7,
    inpatientDays: [3, 8],
    radiology: ['thorax', 0],
    edReason: 'Feber, tung pust og forvirring',
    edFindings: 'Temp {temp} °C, RF {rr}, SpO2 {spo2} %, BT {bp}. Knatrelyder basalt høyre. CRP {crp}.',
    followUp: {
      reason: 'Kontroll etter innleggelse for lungebetennelse',
      findings: ['Bedre. Temp {temp} °C, SpO2 {spo2} %. CRP {crp}.'],
      assessment: 'Pneumoni i tilbakegang.',
      plan: ['Kontroll-røntgen om 6 uker ved vedvarende plager.'],
    },
    triage: 'Gul',
  },
  {
    key: 'S720',
    code: icd('S720', 'Brudd på lårhals'),
    display: 'Brudd på lårhals',
    rates: [0, 0, 0.0005, 0.002, 0.006, 0.02],
    viaEd: 0.5,
    inpatientDays: [4, 9],
    radiology: ['hip', 0],
    physio: true,
    edReason: 'Falt hjemme, smerter i høyre hofte',
    edFindings: 'Forkortet og utadrotert høyre ben. BT {bp}, puls {hr}.',
    followUp: {
      reason: 'Kontroll etter operert lårhalsbrudd',
      findings: ['Går med rullator. Operasjonssåret er tilhelet. BT {bp}.'],
      assessment: 'Tilstand etter operert lårhalsbrudd.',
      plan: ['Fortsetter opptrening hos fysioterapeut. Vurderer osteoporosebehandling.'],
    },
    triage: 'Gul',
  },
  {
    key: 'S525',
    code: icd('S525', 'Brudd i nedre ende av radius'),
    display: 'Brudd i nedre ende av radius',
    rates: [0.004, 0.002, 0.003, 0.005, 0.006, 0.008],
    viaEd: 0.9,
    inpatientDays: [0, 0],
    radiology: ['wrist', 0],
    edReason: 'Falt på isen og tok seg for med hånden',
    edFindings: 'Feilstilling og hevelse over distale radius. Normal sirkulasjon og sensibilitet distalt.',
    followUp: {
      reason: 'Kontroll etter håndleddsbrudd',
      findings: ['Gipsen er fjernet. Nedsatt bevegelighet i håndleddet.'],
      assessment: 'Tilstand etter distal radiusfraktur.',
      plan: ['Egentrening. Vurderer beintetthetsmåling.'],
    },
    triage: 'Gul',
  },
  {
    key: 'I639',
    code: icd('I639', 'Hjerneinfarkt, uspesifisert'),
    display: 'Hjerneinfarkt, uspesifisert',
    rates: [0, 0, 0.001, 0.004, 0.008, 0.012],
    viaEd: 0.3,
    inpatientDays: [4, 10],
    radiology: ['headCt', 1],
    meds: ['klopidogrel', 'atorvastatin'],
    physio: true,
    edReason: 'Plutselig kraftsvikt i høyre arm og talevansker',
    edFindings: 'Hengende munnvik høyre side, nedsatt kraft i høyre arm. BT {bp}.',
    followUp: {
      reason: 'Kontroll etter hjerneinfarkt',
      findings: ['Lett gjenværende kraftsvikt i høyre hånd. BT {bp}.'],
      assessment: 'Tilstand etter hjerneinfarkt.',
      plan: ['Sekundærprofylakse. Fortsetter fysioterapi.'],
    },
    triage: 'Rød',
  },
  {
    key: 'S060',
    code: icd('S060', 'Hjernerystelse'),
    display: 'Hjernerystelse',
    rates: [0.006, 0.004, 0.002, 0.002, 0.004, 0.008],
    viaEd: 0.9,
    inpatientDays: [0, 1],
    radiology: ['headCt', 0],
    edReason: 'Slo hodet ved fall, kort bevissthetstap',
    edFindings: 'Våken og orientert. Normal nevrologisk status. Hematom frontalt.',
    followUp: {
      reason: 'Kontroll etter hjernerystelse',
      findings: ['Lett hodepine, ellers bra. Normal nevrologi.'],
      assessment: 'Tilstand etter hjernerystelse.',
      plan: ['Gradvis tilbake til vanlig aktivitet.'],
    },
    triage: 'Gul',
  },
  {
    key: 'K358',
    code: icd('K358', 'Akutt appendisitt, annen og uspesifisert'),
    display: 'Akutt appendisitt, annen og uspesifisert',
    rates: [0.002, 0.002, 0.001, 0.0005, 0.0005, 0.0003],
    viaEd: 0.8,
    inpatientDays: [1, 3],
    edReason: 'Magesmerter som har vandret til høyre fossa',
    edFindings: 'Temp {temp} °C. Slippøm i høyre fossa iliaca. CRP {crp}.',
    followUp: {
      reason: 'Kontroll etter blindtarmsoperasjon',
      findings: ['Pene operasjonssår. Spiser og drikker normalt.'],
      assessment: 'Tilstand etter laparoskopisk appendektomi.',
      plan: ['Ingen videre oppfølging nødvendig.'],
    },
    triage: 'Gul',
  },
  {
    key: 'K802',
    code: icd('K802', 'Gallestein uten kolecystitt'),
    display: 'Gallestein uten kolecystitt',
    rates: [0, 0.001, 0.003, 0.003, 0.003, 0.002],
    viaEd: 0.6,
    inpatientDays: [0, 2],
    radiology: ['abdomenUs', 0],
    edReason: 'Sterke smerter under høyre ribbensbue etter fet mat',
    edFindings: 'Øm under høyre kostalbue. Afebril. BT {bp}.',
    followUp: {
      reason: 'Kontroll etter galleanfall',
      findings: ['Ingen nye anfall. Venter på operasjon.'],
      assessment: 'Gallestein.',
      plan: ['Fettfattig kost i påvente av kolecystektomi.'],
    },
    triage: 'Gul',
  },
];

export function chronicByKey(key: string): ChronicDef | undefined {
  return CHRONIC.find((c) => c.key === key);
}

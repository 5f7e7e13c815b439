import { CODE_SYSTEM } from './codeSystems';
import { foldText } from './text';

export { foldText };

/**
 * A bundled subset of the two diagnosis classifications used in Norwegian municipal health
 * care, for the problem list's code picker: ICPC-2 (primary care: GPs, the emergency clinic,
 * municipal services) and ICD-10 (the specialist health service; hospital diagnoses arrive
 * coded with it). A few hundred common codes, enough to pick every diagnosis the synthetic
 * data uses and the ones a GP writes most days; not the complete classifications.
 *
 * Sources of the Norwegian texts (copied as published, not translated here):
 * - ICPC-2: Helsedirektoratet's Norwegian edition ("ICPC-2 norsk utgave", kodeverk behind
 *   FinnKode / fat.kote.helsedirektoratet.no), edition as fetched 2026-09 (e.g. T90 "Diabetes
 *   type 2", K86 "Hypertensjon ukomplisert", P76 "Depressiv lidelse").
 * - ICD-10: the Norwegian edition (Volven 7110, Direktoratet for e-helse / Helsedirektoratet)
 *   as distributed in NAV's diagnosis tables for sick notes; codes written without the dot, as
 *   in Volven and in the rest of the journal (I219, not I21.9). A few three-character
 *   categories (E10, E11) are included with their category titles for quick picking.
 *
 * The codes are data; search and lookup are pure functions (no app imports), so the picker
 * stays fast and the table can be replaced by a terminology server later.
 */

export type DiagnosisSystem = 'icpc2' | 'icd10';

export interface DiagnosisCode {
  system: DiagnosisSystem;
  code: string;
  /** The Norwegian text of the code (Coding.display). */
  text: string;
}

export const DIAGNOSIS_SYSTEMS: readonly DiagnosisSystem[] = ['icpc2', 'icd10'];

/** The FHIR `system` URI of each classification. */
export const DIAGNOSIS_SYSTEM_URI: Record<DiagnosisSystem, string> = {
  icpc2: CODE_SYSTEM.icpc2,
  icd10: CODE_SYSTEM.icd10,
};

export function diagnosisSystemOfUri(uri: string | undefined): DiagnosisSystem | undefined {
  if (uri === CODE_SYSTEM.icpc2) return 'icpc2';
  if (uri === CODE_SYSTEM.icd10) return 'icd10';
  return undefined;
}

// prettier-ignore
const ICPC2: ReadonlyArray<readonly [string, string]> = [
  // A Allment og uspesifisert
  ['A01', 'Smerte generell/flere steder'],
  ['A03', 'Feber'],
  ['A04', 'Slapphet/tretthet'],
  ['A06', 'Besvimelse/synkope'],
  ['A11', 'Brystsmerte IKA'],
  ['A29', 'Generelle symptomer/plager IKA'],
  ['A72', 'Vannkopper'],
  ['A75', 'Mononukleose'],
  ['A77', 'Virussykdom IKA'],
  ['A78', 'Infeksjonssykdom IKA'],
  ['A79', 'Ondartet svulst IKA'],
  ['A80', 'Skade/traume IKA'],
  ['A85', 'Bivirkning av legemiddel'],
  ['A87', 'Komplikasjon etter medisinsk behandling'],
  ['A92', 'Allergi/allergisk reaksjon IKA'],
  ['A97', 'Kontakt/undersøkelse for administrativt formål'],
  ['A98', 'Individforebyggende tiltak'],
  ['A99', 'Helseproblem/sykdom ikke spesifisert/lokalisert'],
  // B Blod, bloddannende organer og immunsystemet
  ['B02', 'Lymfeknuter forstørrede/smertefulle'],
  ['B72', 'Hodgkins sykdom/lymfom'],
  ['B73', 'Leukemi'],
  ['B80', 'Jernmangelanemi'],
  ['B81', 'Anemi ved vitamin B12-/folsyremangel'],
  ['B82', 'Anemi IKA'],
  ['B83', 'Purpura/koagulasjonsdefekt'],
  ['B90', 'Hiv-sykdom/aids'],
  // D Fordøyelsessystemet
  ['D01', 'Abdominalsmerte/krampe generell'],
  ['D02', 'Abdominalsmerte epigastriet'],
  ['D03', 'Halsbrann'],
  ['D06', 'Abdominalsmerte lokalisert IKA'],
  ['D07', 'Dyspepsi/fordøyelsesbesvær'],
  ['D09', 'Kvalme'],
  ['D10', 'Oppkast/brekninger'],
  ['D11', 'Diaré'],
  ['D12', 'Forstoppelse'],
  ['D16', 'Rektalblødning'],
  ['D70', 'Tarminfeksjon'],
  ['D72', 'Virushepatitt'],
  ['D73', 'Gastroenteritt antatt infeksiøs'],
  ['D74', 'Ondartet svulst i magesekk'],
  ['D75', 'Ondartet svulst i tykktarm/endetarm'],
  ['D76', 'Ondartet svulst i bukspyttkjertel'],
  ['D82', 'Tenner/tannkjøtt sykdom'],
  ['D84', 'Spiserørssykdom'],
  ['D85', 'Sår i tolvfingertarm'],
  ['D86', 'Magesår IKA'],
  ['D87', 'Funksjonelle plager i magesekk'],
  ['D88', 'Appendisitt'],
  ['D89', 'Lyskebrokk'],
  ['D90', 'Mellomgulvsbrokk'],
  ['D92', 'Divertikkelsykdom i tarm'],
  ['D93', 'Irritabel tarm-syndrom'],
  ['D94', 'Kronisk enteritt/ulcerøs kolitt'],
  ['D95', 'Analfissur/perianal abscess'],
  ['D96', 'Orme-/parasittsykdom'],
  ['D97', 'Leversykdom IKA'],
  ['D98', 'Galleveisbetennelse/gallestein'],
  ['D99', 'Sykdom i fordøyelsessystemet IKA'],
  // F Øye
  ['F02', 'Rødt øye'],
  ['F70', 'Infeksiøs konjunktivitt'],
  ['F71', 'Allergisk konjunktivitt'],
  ['F72', 'Øyelokkbetennelse'],
  ['F76', 'Fremmedlegeme i øye'],
  ['F83', 'Retinopati'],
  ['F84', 'Makuladegenerasjon'],
  ['F92', 'Grå stær/katarakt'],
  ['F93', 'Glaukom'],
  ['F99', 'Øyesykdom IKA'],
  // H Øre
  ['H01', 'Øresmerte/øreverk'],
  ['H03', 'Øresus'],
  ['H70', 'Ytre øre betennelse'],
  ['H71', 'Mellomørebetennelse akutt'],
  ['H72', 'Mellomørebetennelse serøs'],
  ['H81', 'Ørevoks'],
  ['H82', 'Svimmelhetssyndrom'],
  ['H84', 'Hørselstap aldersbetinget'],
  ['H86', 'Døvhet/hørselstap IKA'],
  // K Hjerte-karsystemet
  ['K01', 'Smerte relatert til hjertet'],
  ['K04', 'Hjertebank'],
  ['K07', 'Hovne ankler/ødem'],
  ['K22', 'Økt risiko for hjerte-karsykdom'],
  ['K74', 'Iskemisk hjertesykdom med angina pectoris'],
  ['K75', 'Akutt hjerteinfarkt'],
  ['K76', 'Iskemisk hjertesykdom kronisk IKA'],
  ['K77', 'Hjertesvikt'],
  ['K78', 'Atrieflimmer/flutter'],
  ['K79', 'Paroksysmal takykardi'],
  ['K80', 'Hjertearytmi IKA'],
  ['K81', 'Bilyd hjerte/arterier IKA'],
  ['K83', 'Hjerteklaffesykdom IKA'],
  ['K84', 'Hjertesykdom IKA'],
  ['K85', 'Forhøyet blodtrykk IKA'],
  ['K86', 'Hypertensjon ukomplisert'],
  ['K87', 'Hypertensjon med organkomplikasjoner'],
  ['K88', 'Postural hypotensjon'],
  ['K89', 'Anfall med forbigående cerebral iskemi'],
  ['K90', 'Hjerneslag'],
  ['K91', 'Cerebrovaskulær sykdom'],
  ['K92', 'Aterosklerose/perifer karsykdom'],
  ['K93', 'Lungeemboli'],
  ['K94', 'Årebetennelse'],
  ['K95', 'Åreknuter på underekstremitet'],
  ['K96', 'Hemoroider'],
  ['K99', 'Hjerte-karsykdom IKA'],
  // L Muskel og skjelettsystemet
  ['L01', 'Nakke symptomer/plager'],
  ['L02', 'Rygg symptomer/plager'],
  ['L03', 'Korsrygg symptomer/plager'],
  ['L08', 'Skulder symptomer/plager'],
  ['L13', 'Hofte symptomer/plager'],
  ['L15', 'Kne symptomer/plager'],
  ['L18', 'Utbredte muskelsmerter/fibromyalgi'],
  ['L20', 'Ledd symptomer/plager IKA'],
  ['L72', 'Brudd underarm'],
  ['L73', 'Brudd legg/ankel'],
  ['L74', 'Brudd hånd/fot'],
  ['L75', 'Brudd lårben/lårhals'],
  ['L76', 'Brudd IKA'],
  ['L77', 'Forstuving/forstrekking ankel'],
  ['L78', 'Forstuving/forstrekking kne'],
  ['L79', 'Forstuving/forstrekking ledd IKA'],
  ['L81', 'Skade i muskel- og skjelettsystemet IKA'],
  ['L83', 'Nakkesyndrom'],
  ['L84', 'Ryggsyndrom uten smerteutstråling'],
  ['L85', 'Ervervet deformitet av ryggsøylen'],
  ['L86', 'Ryggsyndrom med smerteutstråling'],
  ['L87', 'Bursitt/tendinitt/synovitt IKA'],
  ['L88', 'Reumatoid artritt/reumatisk sykdom'],
  ['L89', 'Hofteleddsartrose'],
  ['L90', 'Kneleddsartrose'],
  ['L91', 'Artrose IKA'],
  ['L92', 'Skuldersyndrom'],
  ['L93', 'Tennisalbue/lateral epikondylitt'],
  ['L95', 'Osteoporose'],
  ['L96', 'Akutt indre kneskade'],
  ['L98', 'Ervervet deformitet av ekstremitet'],
  ['L99', 'Muskel- og skjelettsykdom IKA'],
  // N Nervesystemet
  ['N01', 'Hodepine'],
  ['N04', 'Restless legs'],
  ['N07', 'Krampeanfall/kramper'],
  ['N17', 'Svimmelhet IKA'],
  ['N79', 'Hjernerystelse'],
  ['N80', 'Hodeskade IKA'],
  ['N86', 'Multippel sklerose'],
  ['N87', 'Parkinsonisme'],
  ['N88', 'Epilepsi'],
  ['N89', 'Migrene'],
  ['N91', 'Facialisparese'],
  ['N92', 'Trigeminusnevralgi'],
  ['N93', 'Carpal tunnel syndrom'],
  ['N94', 'Perifer nevropati'],
  ['N95', 'Tensjonshodepine'],
  ['N99', 'Sykdom i nervesystemet IKA'],
  // P Psykisk
  ['P01', 'Følelse av angst/nervøsitet/anspenthet'],
  ['P02', 'Psykisk ubalanse situasjonsbetinget'],
  ['P03', 'Depresjonsfølelse'],
  ['P06', 'Søvnforstyrrelse'],
  ['P15', 'Kronisk alkoholmisbruk'],
  ['P16', 'Akutt alkoholmisbruk'],
  ['P17', 'Tobakkmisbruk'],
  ['P19', 'Stoffmisbruk'],
  ['P20', 'Hukommelsesforstyrrelse'],
  ['P70', 'Demens'],
  ['P71', 'Organisk psykisk lidelse IKA'],
  ['P72', 'Schizofreni'],
  ['P73', 'Bipolar lidelse'],
  ['P74', 'Angstlidelse'],
  ['P75', 'Dissosiativ/somatoform lidelse'],
  ['P76', 'Depressiv lidelse'],
  ['P77', 'Selvmord/selvmordsforsøk'],
  ['P79', 'Fobi/obsessiv-kompulsiv lidelse'],
  ['P80', 'Personlighetsforstyrrelse'],
  ['P81', 'Hyperkinetisk forstyrrelse'],
  ['P82', 'Posttraumatisk stresslidelse'],
  ['P85', 'Psykisk utviklingshemning'],
  ['P86', 'Anorexia nervosa/bulimi'],
  ['P98', 'Psykose IKA'],
  ['P99', 'Psykisk lidelse IKA'],
  // R Luftveier
  ['R02', 'Kortpustethet/dyspné'],
  ['R05', 'Hoste'],
  ['R21', 'Hals symptomer/plager'],
  ['R71', 'Kikhoste'],
  ['R72', 'Streptokokkhals'],
  ['R74', 'Akutt øvre luftveisinfeksjon'],
  ['R75', 'Bihulebetennelse'],
  ['R76', 'Akutt tonsillitt'],
  ['R77', 'Akutt laryngitt/trakeitt'],
  ['R78', 'Akutt bronkitt/bronkiolitt'],
  ['R79', 'Kronisk bronkitt'],
  ['R80', 'Influensa'],
  ['R81', 'Lungebetennelse'],
  ['R83', 'Luftveisinfeksjon IKA'],
  ['R84', 'Ondartet svulst i bronkie/lunge'],
  ['R95', 'Kronisk obstruktiv lungesykdom'],
  ['R96', 'Astma'],
  ['R97', 'Allergisk rhinitt'],
  ['R98', 'Hyperventileringssyndrom'],
  ['R99', 'Luftveissykdom IKA'],
  ['R991', 'Covid-19 (mistenkt/sannsynlig)'],
  ['R992', 'Covid-19 (bekreftet)'],
  // S Hud
  ['S02', 'Hudkløe'],
  ['S06', 'Lokalisert utslett i huden'],
  ['S10', 'Abscess/furunkel'],
  ['S12', 'Insektstikk/bitt'],
  ['S14', 'Forbrenning/skålding'],
  ['S16', 'Kontusjon/slag hud'],
  ['S17', 'Skrubbsår/blemmer'],
  ['S18', 'Åpent sår/kutt'],
  ['S70', 'Herpes zoster'],
  ['S71', 'Herpes simplex IKA'],
  ['S74', 'Ringorm/hudsopp IKA'],
  ['S76', 'Hudinfeksjon IKA'],
  ['S77', 'Ondartet svulst i huden'],
  ['S84', 'Brennkopper'],
  ['S87', 'Atopisk dermatitt/eksem'],
  ['S88', 'Kontaktdermatitt/allergisk dermatitt IKA'],
  ['S91', 'Psoriasis'],
  ['S96', 'Akne'],
  ['S97', 'Kronisk hudsår'],
  ['S98', 'Urticaria'],
  ['S99', 'Hud/underhud sykdom IKA'],
  // T Endokrine, metabolske og ernæringsmessige problemer
  ['T03', 'Nedsatt matlyst'],
  ['T08', 'Vekttap'],
  ['T11', 'Uttørring'],
  ['T81', 'Struma'],
  ['T82', 'Fedme'],
  ['T83', 'Overvekt'],
  ['T85', 'Hypertyreose/tyreotoksikose'],
  ['T86', 'Hypotyreose/myksødem'],
  ['T87', 'Hypoglykemi'],
  ['T89', 'Diabetes type 1'],
  ['T90', 'Diabetes type 2'],
  ['T91', 'Vitaminmangel/ernæringsforstyrrelse'],
  ['T92', 'Urinsyregikt'],
  ['T93', 'Lipidstoffskifte forstyrrelse'],
  ['T99', 'Endokrin/metabolsk/ernæringssykdom IKA'],
  // U Urinveier
  ['U01', 'Smerte ved vannlating'],
  ['U02', 'Hyppig vannlating'],
  ['U04', 'Urininkontinens'],
  ['U70', 'Nyrebekkenbetennelse'],
  ['U71', 'Cystitt/urinveisinfeksjon IKA'],
  ['U88', 'Glomerulonefritt/nefropati'],
  ['U891', 'Nyresvikt'],
  ['U95', 'Stein i urinveiene'],
  ['U99', 'Urinveissykdom IKA'],
  // W Svangerskap, fødsel og familieplanlegging
  ['W78', 'Svangerskap bekreftet'],
  ['W81', 'Svangerskapsforgiftning'],
  ['W85', 'Svangerskapsdiabetes'],
  // X Kvinnelige kjønnsorganer (inklusive bryster)
  ['X11', 'Klimakterium symptomer/plager'],
  ['X76', 'Ondartet svulst i bryst kvinne'],
  ['X87', 'Fremfall av kvinnelige kjønnsorgan'],
  // Y Mannlige kjønnsorganer
  ['Y06', 'Prostata symptomer/plager'],
  ['Y77', 'Ondartet svulst i prostata'],
  ['Y85', 'Prostatahyperplasi'],
  // Z Sosiale problemer
  ['Z12', 'Problemer mellom samlivspartnere'],
  ['Z25', 'Problem som følge av vold/traumatisk hendelse'],
  ['Z29', 'Sosialt problem IKA'],
];

// prettier-ignore
const ICD10: ReadonlyArray<readonly [string, string]> = [
  // A Visse infeksjonssykdommer
  ['A047', 'Enterokolitt som skyldes Clostridium difficile'],
  ['A049', 'Uspesifisert bakteriell tarminfeksjon'],
  ['A080', 'Rotavirusenteritt'],
  ['A081', 'Akutt gastroenteritt som skyldes norovirus'],
  ['A090', 'Annen eller uspesifisert gastroenteritt eller kolitt av infeksiøs årsak'],
  ['A099', 'Gastroenteritt eller kolitt av uspesifisert årsak'],
  ['A379', 'Uspesifisert kikhoste'],
  ['A38', 'Skarlagensfeber'],
  ['A419', 'Uspesifisert sepsis'],
  ['A46', 'Erysipelas'],
  // E Endokrine sykdommer, ernæringssykdommer og metabolske forstyrrelser
  ['E039', 'Uspesifisert hypotyreose'],
  ['E049', 'Uspesifisert ikke-toksisk struma'],
  ['E059', 'Uspesifisert tyreotoksikose'],
  ['E063', 'Autoimmun tyreoiditt'],
  ['E10', 'Diabetes mellitus type 1'],
  ['E109', 'Diabetes mellitus type 1 uten komplikasjon'],
  ['E11', 'Diabetes mellitus type 2'],
  ['E112', 'Diabetes mellitus type 2 med nyrekomplikasjon'],
  ['E113', 'Diabetes mellitus type 2 med øyekomplikasjon'],
  ['E114', 'Diabetes mellitus type 2 med nevrologisk komplikasjon'],
  ['E115', 'Diabetes mellitus type 2 med perifer sirkulasjonsforstyrrelse'],
  ['E119', 'Diabetes mellitus type 2 uten komplikasjon'],
  ['E162', 'Uspesifisert hypoglykemi'],
  ['E210', 'Primær hyperparatyreoidisme'],
  ['E271', 'Primær binyrebarkinsuffisiens'],
  ['E282', 'Polycystisk ovarialt syndrom'],
  ['E46', 'Uspesifisert protein-/energiunderernæring'],
  ['E559', 'Uspesifisert D-vitaminmangel'],
  ['E611', 'Jernmangel'],
  ['E669', 'Uspesifisert fedme'],
  ['E780', 'Ren hyperkolesterolemi'],
  ['E785', 'Uspesifisert hyperlipidemi'],
  ['E86', 'Dehydrering'],
  ['E871', 'Hypoosmolalitet eller hyponatremi'],
  ['E876', 'Hypokalemi'],
  // F Psykiske lidelser og atferdsforstyrrelser
  ['F009', 'Uspesifisert demens ved Alzheimers sykdom'],
  ['F011', 'Multiinfarktdemens'],
  ['F059', 'Uspesifisert delirium'],
  ['F100', 'Akutt alkoholintoksikasjon'],
  ['F101', 'Skadelig bruk av alkohol'],
  ['F102', 'Alkoholavhengighetssyndrom'],
  ['F172', 'Tobakksavhengighetssyndrom'],
  // H Sykdommer i øre
  ['H911', 'Alderdomstunghørthet'],
  ['H931', 'Øresus'],
  // I Sykdommer i sirkulasjonssystemet
  ['I10', 'Essensiell hypertensjon'],
  ['I110', 'Hypertensiv hjertesykdom med hjertesvikt'],
  ['I200', 'Ustabil angina'],
  ['I209', 'Uspesifisert angina pectoris'],
  ['I214', 'Akutt subendokardialt infarkt'],
  ['I219', 'Uspesifisert akutt hjerteinfarkt'],
  ['I251', 'Aterosklerotisk hjertesykdom'],
  ['I252', 'Gammelt hjerteinfarkt'],
  ['I259', 'Uspesifisert kronisk iskemisk hjertesykdom'],
  ['I269', 'Lungeemboli uten opplysning om akutt cor pulmonale'],
  ['I350', 'Ikke-revmatisk aortastenose'],
  ['I420', 'Dilatert kardiomyopati'],
  ['I442', 'Totalt atrioventrikulært blokk'],
  ['I471', 'Supraventrikulær takykardi'],
  ['I480', 'Paroksysmal atrieflimmer'],
  ['I481', 'Persisterende atrieflimmer'],
  ['I482', 'Kronisk atrieflimmer'],
  ['I489', 'Uspesifisert atrieflimmer og atrieflutter'],
  ['I495', 'Syk-sinus-syndrom'],
  ['I500', 'Kongestiv hjertesvikt'],
  ['I501', 'Venstresidig ventrikkelsvikt'],
  ['I509', 'Uspesifisert hjertesvikt'],
  ['I619', 'Uspesifisert hjerneblødning'],
  ['I639', 'Uspesifisert hjerneinfarkt'],
  ['I64', 'Hjerneslag som ikke er spesifisert som blødning eller infarkt'],
  ['I693', 'Følgetilstand etter hjerneinfarkt'],
  ['I702', 'Aterosklerose i arterie i ekstremitet'],
  ['I714', 'Abdominalt aortaaneurisme uten opplysning om ruptur'],
  ['I739', 'Uspesifisert sykdom i perifere kar'],
  ['I802', 'Flebitt eller tromboflebitt i annet dypt kar i underekstremitet'],
  ['I839', 'Åreknuter uten ulcus eller betennelse i underekstremitet'],
  ['I872', 'Venøs insuffisiens'],
  ['I951', 'Ortostatisk hypotensjon'],
  // J Sykdommer i åndedrettssystemet
  ['J00', 'Akutt nasofaryngitt'],
  ['J019', 'Uspesifisert akutt sinusitt'],
  ['J029', 'Uspesifisert akutt faryngitt'],
  ['J030', 'Streptokokktonsillitt'],
  ['J039', 'Uspesifisert akutt tonsillitt'],
  ['J069', 'Uspesifisert akutt infeksjon i øvre luftveier'],
  ['J111', 'Influensa med annen luftveismanifestasjon, som skyldes uidentifisert virus'],
  ['J159', 'Uspesifisert bakteriell pneumoni'],
  ['J189', 'Uspesifisert pneumoni'],
  ['J209', 'Uspesifisert akutt bronkitt'],
  ['J219', 'Uspesifisert akutt bronkiolitt'],
  ['J301', 'Allergisk rinitt som skyldes pollen'],
  ['J304', 'Uspesifisert allergisk rinitt'],
  ['J329', 'Uspesifisert kronisk sinusitt'],
  ['J441', 'Kronisk obstruktiv lungesykdom med akutt uspesifisert forverring'],
  ['J449', 'Uspesifisert kronisk obstruktiv lungesykdom'],
  ['J450', 'Hovedsakelig allergisk astma'],
  ['J459', 'Uspesifisert astma'],
  ['J46', 'Akutt alvorlig astma'],
  ['J47', 'Bronkiektasi'],
  ['J690', 'Pneumoni forårsaket av mat eller oppkast'],
  ['J841', 'Annen interstitiell lungesykdom med fibrose'],
  ['J931', 'Annen spontanpneumotoraks'],
  ['J960', 'Akutt respirasjonssvikt'],
  // K Sykdommer i fordøyelsessystemet
  ['K210', 'Gastroøsofageal reflukssykdom med øsofagitt'],
  ['K219', 'Gastroøsofageal reflukssykdom uten øsofagitt'],
  ['K297', 'Uspesifisert gastritt'],
  ['K30', 'Funksjonell dyspepsi'],
  ['K358', 'Annen eller uspesifisert akutt appendisitt'],
  ['K409', 'Enkeltsidig eller uspesifisert lyskebrokk uten obstruksjon eller gangren'],
  ['K449', 'Mellomgulvsbrokk uten obstruksjon eller gangren'],
  ['K509', 'Crohns sykdom med uspesifisert lokalisasjon'],
  ['K519', 'Uspesifisert ulcerøs kolitt'],
  ['K573', 'Divertikkelsykdom i tykktarm uten perforasjon eller abscess'],
  ['K582', 'Irritabel tarm-syndrom med hovedsakelig obstipasjon [IBS-C]'],
  ['K590', 'Forstoppelse'],
  ['K591', 'Funksjonell diaré'],
  ['K602', 'Uspesifisert analfissur'],
  ['K649', 'Uspesifiserte hemoroider'],
  ['K760', 'Fettlever ikke klassifisert annet sted'],
  ['K802', 'Gallesten uten galleblærebetennelse'],
  ['K810', 'Akutt galleblærebetennelse'],
  ['K900', 'Cøliaki'],
  ['K922', 'Uspesifisert gastrointestinal blødning'],
  // L Sykdommer i hud og underhud
  ['L010', 'Impetigo'],
  // M Sykdommer i muskel-skjelettsystemet og bindevev
  ['M139', 'Uspesifisert artritt'],
  ['M150', 'Primær generalisert artrose'],
  ['M169', 'Uspesifisert hofteleddsartrose'],
  ['M179', 'Uspesifisert kneleddsartrose'],
  // S Skader
  ['S060', 'Hjernerystelse'],
  ['S223', 'Brudd i ribben'],
  ['S320', 'Brudd i lumbalvirvel'],
  ['S420', 'Brudd i krageben'],
  ['S422', 'Brudd i proksimal ende av overarmsben'],
  ['S525', 'Brudd i distal ende av radius'],
  ['S626', 'Brudd i en annen finger'],
  ['S720', 'Brudd i lårhals'],
  ['S721', 'Pertrokantært brudd'],
  ['S826', 'Brudd i lateral malleol'],
  ['S832', 'Fersk skade i menisk'],
  ['S934', 'Forstuving eller forstrekking av ankelligament'],
];

function build(system: DiagnosisSystem, rows: ReadonlyArray<readonly [string, string]>): DiagnosisCode[] {
  return rows.map(([code, text]) => ({ system, code, text }));
}

/** Every bundled code: ICPC-2 first, then ICD-10, each in code order. */
export const DIAGNOSIS_CODES: readonly DiagnosisCode[] = [...build('icpc2', ICPC2), ...build('icd10', ICD10)];

const BY_KEY = new Map(DIAGNOSIS_CODES.map((c) => [`${c.system}|${c.code}`, c]));

/** Normalises a code as typed: no dots or spaces, upper case ("i21.9" → "I219"). */
export function normalizeCode(code: string): string {
  return code.replace(/[\s.]/g, '').toUpperCase();
}

export function findDiagnosisCode(system: DiagnosisSystem, code: string): DiagnosisCode | undefined {
  return BY_KEY.get(`${system}|${normalizeCode(code)}`);
}

interface Indexed {
  entry: DiagnosisCode;
  code: string;
  folded: string;
  words: readonly string[];
  order: number;
}

const INDEX: readonly Indexed[] = DIAGNOSIS_CODES.map((entry, order) => {
  const folded = foldText(entry.text);
  return { entry, code: entry.code.toLowerCase(), folded, words: folded.split(/[^a-z0-9]+/).filter(Boolean), order };
});

export interface DiagnosisSearchOptions {
  /** Limit to one classification (default: both). */
  system?: DiagnosisSystem | undefined;
  /** At most this many results (default 50). */
  limit?: number;
}

const CODE_LIKE = /^[a-z]\d[\d.]*$|^[a-z]$/i;

/**
 * Finds codes for what the user typed. A query that looks like a code ("K8", "i21.9", "T")
 * lists the codes starting with it, in code order. Otherwise every word of the query must
 * occur in the code's text (case, accents and æøå do not matter); a word that starts a word of
 * the text ranks above one found inside a compound ("artrose" in "Kneleddsartrose"), and the
 * text's first word above later ones. Words may also match the code itself ("t90 diabetes").
 * An empty query gives nothing.
 */
export function searchDiagnosisCodes(query: string, options: DiagnosisSearchOptions = {}): DiagnosisCode[] {
  const limit = options.limit ?? 50;
  const system = options.system;
  const trimmed = query.trim();
  if (!trimmed) return [];
  const candidates = system ? INDEX.filter((i) => i.entry.system === system) : INDEX;

  if (CODE_LIKE.test(trimmed)) {
    const prefix = normalizeCode(trimmed);
    const byCode = candidates.filter((i) => i.entry.code.startsWith(prefix));
    if (byCode.length > 0) {
      return byCode
        .sort((a, b) => a.entry.code.length - b.entry.code.length || a.entry.code.localeCompare(b.entry.code) || a.order - b.order)
        .slice(0, limit)
        .map((i) => i.entry);
    }
  }

  const tokens = foldText(trimmed)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (tokens.length === 0) return [];
  const scored: { item: Indexed; score: number }[] = [];
  for (const item of candidates) {
    let score = 0;
    for (const token of tokens) {
      let best = 0;
      if (item.code.startsWith(token)) best = 4;
      else if (item.words[0]?.startsWith(token)) best = 3;
      else if (item.words.some((w) => w.startsWith(token))) best = 2;
      else if (item.folded.includes(token)) best = 1;
      if (best === 0) {
        score = 0;
        break;
      }
      score += best;
    }
    if (score > 0) scored.push({ item, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.item.order - b.item.order)
    .slice(0, limit)
    .map((s) => s.item.entry);
}

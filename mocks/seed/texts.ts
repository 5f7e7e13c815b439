import type { History } from './history';

/**
 * Report texts written by home care and nursing home staff, composed from short sentences in the
 * style such reports are written in ("Morgenstell utført. Medisiner gitt fra multidose. …").
 */

const MORNING = [
  'Morgenstell utført, trengte hjelp til nedre del.',
  'Hjulpet med dusj og påkledning.',
  'Bruker var oppe og påkledd ved ankomst.',
  'Hjelp til å ta på støttestrømper.',
  'Morgenstell utført ved vasken, klarte overkropp selv.',
];
const EVENING = ['Kveldsstell utført. Lagt seg ca. kl. 21.', 'Hjulpet i seng, trygghetsalarmen sjekket og på.', 'Kveldsmedisiner gitt. Satt og så på TV da vi gikk.'];
const MEDS = ['Medisiner gitt fra multidose, tatt i vårt nærvær.', 'Dosett kontrollert, morgendosen tatt.', 'Legemidler gitt etter liste.'];
const GENERAL = [
  'Spiste frokost: to brødskiver og kaffe.',
  'Lite matlyst i dag, fikk i seg en yoghurt.',
  'God stemning, pratsom.',
  'Noe trøtt og stille i dag.',
  'Klager over vondt i knærne, fikk paracetamol etter forordning.',
  'Datter var på besøk.',
  'Ingen endring i allmenntilstanden.',
  'Oppfordret til å drikke mer, satt fram vannglass.',
  'Gikk en kort tur i gangen med rullator.',
  'Huden hel, ingen trykkmerker.',
];

/** A home visit report for one visit (hour = Oslo hour of the visit). */
export function homeReport(h: History, hour: number): string {
  const r = h.rng;
  const parts: string[] = [hour >= 14 ? r.pick(EVENING) : r.pick(MORNING), r.pick(MEDS)];
  if (h.meds.has('insulin') && hour < 14) parts.push(`Insulin satt etter plan. Blodsukker ${(6 + r.next() * 6).toFixed(1).replace('.', ',')} mmol/L.`);
  if (h.chronic.has('P70') && r.chance(0.4)) parts.push('Noe forvirret om dato og tid, lot seg lett reorientere.');
  if (h.chronic.has('K77') && r.chance(0.3)) parts.push('Lette ankelødemer, uendret fra forrige uke.');
  if (h.chronic.has('R95') && r.chance(0.3)) parts.push('Litt tung i pusten ved aktivitet, tok inhalasjonsmedisin.');
  parts.push(r.pick(GENERAL));
  if (r.chance(0.3)) parts.push(r.pick(GENERAL));
  return parts.join(' ');
}

const NH = [
  'Sov godt i natt, tilsett tre ganger.',
  'Deltok på trim i fellesstua.',
  'Spiste godt til middag.',
  'Urolig på ettermiddagen, roet seg med samtale og musikk.',
  'Besøk av sønn.',
  'Sårstell på venstre legg, pent sår.',
  'Hjelp til dusj, huden hel.',
  'Drikker lite, oppfordret til mer drikke.',
  'Satt i stua og leste avisen.',
  'Ingen endring i allmenntilstanden.',
];

/** A nursing home day report. */
export function nursingHomeReport(h: History): string {
  const r = h.rng;
  const parts = [r.pick(NH), 'Medisiner gitt etter liste.', r.pick(NH)];
  if (h.chronic.has('P70') && r.chance(0.5)) parts.push('Vandret i gangen på kvelden, fulgt tilbake til rommet.');
  return parts.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Documents between services: epikriser, henvisninger and letters (DocumentReference)

/** What a hospital writes in the discharge summary (epikrise) for a hospital diagnosis (HOSPITAL_DX key). */
export interface DischargeText {
  department: string;
  /** Findings at admission (variants). */
  findings: readonly string[];
  /** Treatment and course in hospital (variants). */
  course: readonly string[];
  /** Short courses to finish after discharge (not on the standing medication list). */
  courses?: readonly string[];
  followUp: string;
}

export const DISCHARGE: Readonly<Record<string, DischargeText>> = {
  I219: {
    department: 'Hjerteavdelingen',
    findings: [
      'EKG ved innkomst viste ST-senkninger i V4–V6. Troponin T steg fra 45 til 1250 ng/L. Koronar angiografi viste 90 % stenose i ramus circumflexus.',
      'EKG med ST-senkninger lateralt. Troponin T maksimalt 860 ng/L. Ekkokardiografi: lett nedsatt venstre ventrikkelfunksjon, EF 48 %.',
    ],
    course: [
      'Behandlet med PCI og innsetting av medikamentavgivende stent i ramus circumflexus samme dag. Ukomplisert forløp etter inngrepet, mobilisert fra dag 2. Ingen nye brystsmerter under oppholdet.',
      'Koronar angiografi med PCI mot LAD, ett stent. Startet sekundærprofylakse. Mobilisert gradvis, uten brystsmerter eller arytmier på telemetri. Utskrives i god form.',
    ],
    followUp:
      'Acetylsalisylsyre livslangt. Statin med mål LDL under 1,4 mmol/L: fastlegen kontrollerer lipider om 6–8 uker. Henvist til hjerterehabilitering. Kontroll ved hjertepoliklinikken om 2–3 måneder.',
  },
  J189: {
    department: 'Medisinsk avdeling',
    findings: [
      'Temperatur 38,9 °C, respirasjonsfrekvens 26, SpO2 89 % på luft. Knatrelyder basalt høyre. CRP 187 mg/L, leukocytter 15,2 × 10⁹/L. Røntgen thorax: infiltrat i høyre underlapp.',
      'Temperatur 39,4 °C, SpO2 91 % på luft. Nedsatt respirasjonslyd venstre basalt. CRP 142 mg/L. Røntgen thorax: fortetning i venstre underlapp, ingen pleuravæske.',
    ],
    course: [
      'Behandlet med intravenøs benzylpenicillin i tre døgn, deretter overgang til tabletter. Fikk oksygen på nesekateter det første døgnet. Rask klinisk bedring, feberfri fra dag 2. CRP 42 mg/L ved utskrivning.',
      'Intravenøs benzylpenicillin og væske. Oksygenbehov opphørte etter to døgn. Mobilisert med fysioterapeut. CRP fallende til 35 mg/L.',
    ],
    courses: ['Fenoksymetylpenicillin 1 g tablett: 1 tablett 4 ganger daglig, til sammen 7 dagers behandling'],
    followUp: 'Kontroll hos fastlege om 1–2 uker med CRP. Kontrollrøntgen av thorax om 6 uker ved fortsatt hoste eller tung pust.',
  },
  S720: {
    department: 'Ortopedisk avdeling',
    findings: [
      'Forkortet og utadrotert høyre ben. Røntgen bekken og hofte: dislokert lårhalsbrudd høyre side (Garden IV).',
      'Smerter i høyre hofte, kan ikke belaste. Røntgen: lårhalsbrudd høyre side med feilstilling.',
    ],
    course: [
      'Operert med hemiprotese i høyre hofte dagen etter innleggelsen. Ukomplisert postoperativt forløp. Mobilisert med gåstol fra første postoperative dag sammen med fysioterapeut.',
      'Operert med totalprotese i høyre hofte. Lett postoperativ forvirring som gikk over. Mobilisert med rullator, går korte distanser med tilsyn.',
    ],
    courses: ['Dalteparin 5000 IE injeksjon: 1 sprøyte daglig i 4 uker etter operasjonen', 'Paracetamol 500 mg tablett: 2 tabletter 4 ganger daglig ved smerter'],
    followUp:
      'Full belastning tillatt. Agraffene fjernes hos fastlege eller hjemmesykepleien 14 dager etter operasjonen. Fortsatt opptrening hos fysioterapeut. Anbefaler utredning for osteoporose (beintetthetsmåling).',
  },
  S525: {
    department: 'Ortopedisk poliklinikk, skadepoliklinikken',
    findings: ['Feilstilling og hevelse over distale radius. Normal sirkulasjon og sensibilitet distalt. Røntgen håndledd: dorsalt feilstilt distal radiusfraktur.'],
    course: ['Lukket reposisjon i lokalbedøvelse. Røntgen etter reposisjon viser akseptabel stilling. Gipset med dorsal gipsskinne.'],
    followUp: 'Røntgenkontroll ved skadepoliklinikken om en uke. Gips i til sammen fem uker. Fingrene skal beveges fritt. Vurder beintetthetsmåling hos fastlege.',
  },
  I639: {
    department: 'Nevrologisk avdeling, slagenheten',
    findings: [
      'Hengende munnvik høyre side, nedsatt kraft i høyre arm, lett afasi. NIHSS 5. CT caput: ingen blødning. MR caput: ferskt infarkt i venstre capsula interna. EKG: sinusrytme.',
      'Kraftsvikt i høyre arm og ben, talevansker. NIHSS 7. CT caput og CT angiografi: ingen blødning, ingen signifikant halspulsårestenose.',
    ],
    course: [
      'Ikke aktuelt med trombolyse på grunn av ukjent tidspunkt for symptomdebut. Behandlet i slagenheten. Startet sekundærprofylakse. Fulgt opp av fysioterapeut, ergoterapeut og logoped. Normal svelgtest. Gradvis bedring av kraften, lett gjenværende finmotorisk svikt i høyre hånd.',
      'Gitt trombolyse innen 3 timer. God bedring det første døgnet, NIHSS 2 ved utskrivning. Telemetri uten atrieflimmer. Fulgt opp av fysioterapeut og logoped.',
    ],
    followUp:
      'Blodtrykksmål under 130/80. Ikke bilkjøring den første måneden. Fortsatt fysioterapi i kommunen. Kontroll ved slagpoliklinikken om 3 måneder.',
  },
  S060: {
    department: 'Akuttmottaket, observasjonsposten',
    findings: ['Våken og orientert, Glasgow Coma Scale 15. Normal nevrologisk status. Hematom frontalt. CT caput: ingen intrakraniell blødning eller fraktur.'],
    course: ['Observert med nevrologiske kontroller hver time i 12 timer uten forverring. Lett hodepine, ellers uten plager.'],
    followUp: 'Gradvis tilbake til vanlig aktivitet. Søk lege ved økende hodepine, oppkast eller forvirring. Ingen planlagt kontroll i sykehuset.',
  },
  K358: {
    department: 'Gastrokirurgisk avdeling',
    findings: ['Slippømhet i høyre fossa iliaca. CRP 84 mg/L, leukocytter 14,1 × 10⁹/L. Ultralyd: fortykket appendiks med veggødem.'],
    course: ['Laparoskopisk appendektomi samme døgn. Flegmonøs appendisitt uten perforasjon. Ukomplisert postoperativt forløp, spiser og drikker normalt ved utskrivning.'],
    followUp: 'Unngå tunge løft i to uker. Stingene fjernes hos fastlege etter 10 dager. Histologisvar ettersendes.',
  },
  K802: {
    department: 'Gastrokirurgisk avdeling',
    findings: ['Øm under høyre kostalbue, feberfri. Ultralyd abdomen: flere gallesteiner, ingen tegn til kolecystitt. Normale leverprøver og lipase.'],
    course: ['Smertelindret med intravenøs paracetamol og ketorolak. Smertefri etter ett døgn.'],
    followUp: 'Satt på venteliste for planlagt laparoskopisk kolecystektomi, innkalling kommer. Fettfattig kost inntil operasjonen.',
  },
};

/** An outpatient control at the hospital after a stay (HOSPITAL_DX key). */
export interface ControlText {
  clinic: string;
  findings: string;
  assessment: string;
  advice: string;
}

export const HOSPITAL_CONTROL: Readonly<Record<string, ControlText>> = {
  I219: {
    clinic: 'Hjertepoliklinikken',
    findings: 'Ingen brystsmerter siden utskrivning. Har gjennomført hjerterehabilitering. BT 128/76, puls 62. Ekkokardiografi: normal venstre ventrikkelfunksjon, EF 55 %.',
    assessment: 'Godt resultat etter PCI. Tåler medisinene godt.',
    advice: 'Fortsetter sekundærprofylakse. LDL-mål under 1,4 mmol/L; øk statindosen hvis målet ikke nås. Videre oppfølging hos fastlege, ingen ny kontroll her.',
  },
  I639: {
    clinic: 'Slagpoliklinikken',
    findings: 'Lett redusert finmotorikk i høyre hånd, ellers normal nevrologisk status. BT 134/82. Langtids-EKG: ingen atrieflimmer.',
    assessment: 'God bedring etter hjerneinfarkt. Blodtrykket er litt over målet.',
    advice: 'Fortsetter platehemmer og statin. Fastlegen justerer blodtrykksbehandlingen mot mål under 130/80. Kan kjøre bil igjen. Ingen ny kontroll her.',
  },
  S720: {
    clinic: 'Ortopedisk poliklinikk',
    findings: 'Går med rullator innendørs, krykke ute. Pent tilhelet operasjonssår. Røntgen: protesen sitter godt.',
    assessment: 'Normalt forløp etter hofteprotese.',
    advice: 'Fortsatt styrke- og balansetrening hos fysioterapeut. Beintetthetsmåling er bestilt; fastlegen vurderer osteoporosebehandling ut fra svaret.',
  },
};

/** A GP's referral of a chronic diagnosis (ICPC-2 key) to a hospital outpatient clinic, and the clinic's answer. */
export interface SpecialistText {
  clinic: string;
  reason: string;
  question: string;
  findings: readonly string[];
  assessment: string;
  advice: string;
}

export const SPECIALIST: Readonly<Record<string, SpecialistText>> = {
  K78: {
    clinic: 'Hjertepoliklinikken',
    reason: 'Nyoppdaget atrieflimmer, påvist på EKG. Hjertebank og noe tung pust ved anstrengelse.',
    question: 'Ønsker ekkokardiografi og vurdering av frekvens- eller rytmekontroll.',
    findings: ['EKG: atrieflimmer med ventrikkelfrekvens 78. Ekkokardiografi: normal venstre ventrikkelfunksjon, lett dilatert venstre atrium.', 'Sinusrytme i dag. Ekkokardiografi: normale forhold. Holter: paroksysmal atrieflimmer, 18 % av tiden.'],
    assessment: 'Atrieflimmer, CHA₂DS₂-VASc-skår tilsier antikoagulasjon.',
    advice: 'Fortsetter antikoagulasjon og frekvenskontroll. Fastlegen kontrollerer nyrefunksjon og hemoglobin årlig. Ny henvisning ved økende plager, da med tanke på ablasjon.',
  },
  K77: {
    clinic: 'Hjertesviktpoliklinikken',
    reason: 'Økende tung pust og ankelødem siste måneder. NT-proBNP 1850 ng/L.',
    question: 'Ønsker ekkokardiografi og optimalisering av hjertesviktbehandlingen.',
    findings: ['Ekkokardiografi: redusert venstre ventrikkelfunksjon, EF 35 %. Lette ankelødemer. BT 118/70.', 'Ekkokardiografi: EF 40 %, lett mitralinsuffisiens. Ingen stuvning på røntgen thorax.'],
    assessment: 'Hjertesvikt med redusert ejeksjonsfraksjon, NYHA klasse II.',
    advice: 'Opptrapping av betablokker og ACE-hemmer til måldose over 3 måneder. Daglig vektkontroll; kontakt ved vektøkning over 2 kg på 3 dager. Oppfølging i sykepleiedrevet hjertesviktpoliklinikk.',
  },
  R95: {
    clinic: 'Lungepoliklinikken',
    reason: 'Langvarig hoste og tung pust ved anstrengelse hos tidligere røyker. Spirometri hos fastlege tyder på obstruksjon.',
    question: 'Ønsker utredning og vurdering av behandling.',
    findings: ['Spirometri: FEV1 58 % av forventet, FEV1/FVC 0,56, ikke reversibel. Røntgen thorax: emfysematøse forandringer.', 'Spirometri: FEV1 65 % av forventet, FEV1/FVC 0,62. Normal blodgass.'],
    assessment: 'Kronisk obstruktiv lungesykdom, GOLD grad 2.',
    advice: 'Fortsetter inhalasjonsbehandling, inhalasjonsteknikk gjennomgått. Anbefaler lungerehabilitering og årlig influensa- og pneumokokkvaksine. Videre oppfølging hos fastlege.',
  },
  L88: {
    clinic: 'Revmatologisk poliklinikk',
    reason: 'Hovne og ømme fingerledd i begge hender i 3 måneder, morgenstivhet over en time. Anti-CCP positiv.',
    question: 'Ønsker vurdering av leddgikt og oppstart av behandling.',
    findings: ['Synovitt i MCP 2–3 begge sider. SR 38, CRP 24. Røntgen hender og føtter: ingen erosjoner.', 'Hovne PIP- og MCP-ledd bilateralt. CRP 18. Ultralyd: synovitt med økt doppleraktivitet.'],
    assessment: 'Seropositiv revmatoid artritt.',
    advice: 'Startet metotreksat 10 mg ukentlig med folsyre. Blodprøvekontroll (hematologi, ALAT, kreatinin) hver 4. uke de første 3 månedene, deretter hver 3. måned hos fastlege. Kontroll her om 3 måneder.',
  },
  N88: {
    clinic: 'Nevrologisk poliklinikk',
    reason: 'To anfall med bevissthetstap og kramper siste måned, observert av ektefelle.',
    question: 'Ønsker utredning med EEG og MR, og vurdering av behandling.',
    findings: ['EEG: epileptiforme utladninger venstre temporalt. MR caput: ingen strukturelle forandringer.', 'Normal nevrologisk status. EEG ved søvndeprivasjon: generaliserte epileptiforme utladninger.'],
    assessment: 'Epilepsi.',
    advice: 'Startet lamotrigin med langsom opptrapping. Informert om førerkortregler: ikke bilkjøring før 12 måneder anfallsfrihet. Kontroll her om 6 måneder.',
  },
  B80: {
    clinic: 'Gastromedisinsk poliklinikk',
    reason: 'Jernmangelanemi, Hb 98 g/L og ferritin 6 µg/L. Ingen synlig blødning.',
    question: 'Ønsker gastroskopi og koloskopi for å finne årsaken til jernmangelen.',
    findings: ['Gastroskopi: normale forhold, biopsier fra duodenum uten cøliaki. Koloskopi: normale forhold til terminale ileum.', 'Gastroskopi: lett gastritt, Helicobacter-test negativ. Koloskopi: ett lite polypp fjernet, ellers normalt.'],
    assessment: 'Ingen alvorlig årsak til jernmangelen funnet.',
    advice: 'Fortsetter jerntilskudd i 3 måneder etter normalisert Hb. Fastlegen kontrollerer Hb og ferritin om 3 måneder. Ny henvisning ved fallende Hb.',
  },
  Y85: {
    clinic: 'Urologisk poliklinikk',
    reason: 'Tiltagende vannlatingsplager med svak stråle og nattlig vannlating 3–4 ganger. PSA 3,1 µg/L.',
    question: 'Ønsker urologisk vurdering.',
    findings: ['Prostata forstørret, glatt og uøm ved palpasjon. Flowmetri: maksimal flow 9 ml/s. Resturin 80 ml.', 'Prostata lett forstørret. Resturin 40 ml. Ultralyd nyrer: normale forhold.'],
    assessment: 'Benign prostatahyperplasi uten mistanke om kreft.',
    advice: 'Fortsetter tamsulosin. PSA-kontroll årlig hos fastlege. Ny henvisning ved urinretensjon eller stigende PSA.',
  },
  L90: {
    clinic: 'Ortopedisk poliklinikk',
    reason: 'Smerter i kneet ved gange og i trapper i over ett år, tross fysioterapi og smertestillende.',
    question: 'Ønsker vurdering med tanke på protese.',
    findings: ['Røntgen kne: betydelig artrose i mediale kammer. Bevegelighet 0–110 grader. Går uten hjelpemidler.', 'Røntgen: moderat artrose. Stabilt kne, lett hydrops.'],
    assessment: 'Kneartrose. Plagene er foreløpig ikke store nok til protesekirurgi.',
    advice: 'Fortsetter trening hos fysioterapeut og vektreduksjon. Ny henvisning når gangdistansen blir under 500 meter eller nattesmerter tiltar.',
  },
  D84: {
    clinic: 'Gastromedisinsk poliklinikk',
    reason: 'Langvarige sure oppstøt og svelgvansker for fast føde.',
    question: 'Ønsker gastroskopi.',
    findings: ['Gastroskopi: refluksøsofagitt LA grad B, ingen Barretts øsofagus. Ingen striktur.', 'Gastroskopi: lett øsofagitt og liten hiatushernie. Biopsier uten dysplasi.'],
    assessment: 'Gastroøsofageal reflukssykdom.',
    advice: 'Fortsetter protonpumpehemmer i 8 uker, deretter laveste dose som holder pasienten symptomfri. Ny gastroskopi er ikke nødvendig.',
  },
};

/** A section of a document: a heading and paragraphs, or a heading and a list. */
export type DocSection = readonly [heading: string, body: string | readonly string[]];

/**
 * The text of a document in the small Markdown subset the app reads: "# title", lines of the
 * letter head, "## heading" sections with paragraphs or "- " items, and the signature.
 */
export function documentText(title: string, head: readonly string[], sections: readonly DocSection[], signature: readonly string[]): string {
  const parts: string[] = [`# ${title}`, head.join('\n')];
  for (const [heading, body] of sections) {
    parts.push(`## ${heading}`);
    parts.push(typeof body === 'string' ? body : body.length > 0 ? body.map((b) => `- ${b}`).join('\n') : '- Ingen');
  }
  parts.push(['Med vennlig hilsen', ...signature].join('\n'));
  return parts.join('\n\n') + '\n';
}

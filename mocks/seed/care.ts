import type { Reference } from 'fhir/r4';
import { nb, round } from './fhir';
import { growthValue } from './growth';
import type { History } from './history';
import { homeReport, nursingHomeReport } from './texts';
import { HEALTH_STATION_PROGRAMME, SITE, VACCINE, VACCINE_LOT_PREFIX, VACCINE_ROUTE, PERFORMER_FUNCTION_AP, type VaccineKey } from './terminology';
import { DAY, HOUR, MINUTE, dateTime as dateTimeOf, osloClock } from './time';
import { section, sharedSection } from './writer';
import { staffOf, type StaffRef, type UnitRef } from './world';

/**
 * The municipal care services in a patient's history: home care (hjemmetjenesten), nursing home
 * (sykehjem), physiotherapy series and the child health station programme.
 */

// ---------------------------------------------------------------------------------------------
// Home care

function districtOf(h: History): UnitRef {
  const units = h.p.muni.homeCare;
  const d = units.find((u) => u.covers.includes(h.p.hood.name)) ?? units[0];
  if (!d) throw new Error(`No home care district in ${h.p.muni.def.name}`);
  return d;
}

export function homeCare(h: History): void {
  const { w, rng, clock, p } = h;
  const district = districtOf(h);
  const staff = [...staffOf(district, 'homecare-nurse'), ...staffOf(district, 'homecare-worker')];
  const primary = rng.pick(staffOf(district, 'homecare-nurse'));
  let start = p.heavy ? h.start + 10 * DAY : clock.now - rng.real(60, 4 * 365) * DAY;
  if (p.prev) start = Math.max(start, p.prev.moveMs + 30 * DAY);
  start = Math.min(start, clock.now - 30 * DAY);
  const hours = p.heavy ? 14 : rng.weighted([2, 3.5, 5, 7, 10, 14, 20], (x) => (x <= 5 ? 3 : x <= 10 ? 2 : 1));
  w.episodeOfCare({ service: 'home-care', text: `Hjemmesykepleie, ${Number.isInteger(hours) ? hours : nb(hours, 1)} timer per uke`, provider: district.ref, start: w.officeTime(start), careManager: primary });

  const visit = (t: number, who: StaffRef, kind: 'evaluation' | 'daily', vitals: 'none' | 'basic' | 'news2', weight: boolean): void => {
    const end = t + rng.range(20, 45) * MINUTE;
    const enc = w.encounter({ cls: 'HH', service: 'home-care', start: t, end, participants: [who], provider: district.ref, reason: kind === 'evaluation' ? 'Evaluering av tiltak' : 'Hjemmebesøk etter vedtak' });
    let measured = '';
    if (vitals !== 'none' || weight) {
      const kinds = vitals === 'news2' ? (['rr', 'spo2', 'bp', 'hr', 'temp'] as const) : vitals === 'basic' ? (['bp', 'hr', 'spo2', 'temp'] as const) : ([] as const);
      const done = w.vitals(weight ? [...kinds, 'weight'] : kinds, h.sample(), t + 10 * MINUTE, enc, who, vitals === 'news2');
      const parts: string[] = [];
      if (done.bp) parts.push(`BT ${done.bp}`);
      if (done.hr) parts.push(`puls ${done.hr}`);
      if (done.spo2) parts.push(`SpO2 ${done.spo2} %`);
      if (done.temp) parts.push(`temp ${done.temp} °C`);
      if (done.weight) parts.push(`vekt ${done.weight} kg`);
      if (done.news2 !== undefined) parts.push(`NEWS2 ${done.news2}`);
      measured = `Målt ${parts.join(', ')}.`;
    }
    const text = kind === 'evaluation' ? `Evaluering av tiltak sammen med bruker. ${homeReport(h, osloClock(t).hour)}` : homeReport(h, osloClock(t).hour);
    w.note({
      type: 'home-visit-report',
      t: end,
      author: who,
      custodian: district.ref,
      encounter: enc,
      title: kind === 'evaluation' ? 'Evaluering av tiltak' : 'Rapport fra hjemmebesøk',
      sections: [measured ? section('Rapport', text, measured) : section('Rapport', text)],
    });
  };

  const recentFrom = clock.now - 21 * DAY;
  if (p.heavy) {
    // Five years of dense follow-up: a report about every fourth day, NEWS2 at each.
    let t = start;
    let k = 0;
    while (t < recentFrom) {
      const d = clock.dayOffsetOf(t);
      const when = clock.at(d, rng.range(8, 10), rng.int(60));
      visit(when, rng.pick(staff), k % 13 === 0 ? 'evaluation' : 'daily', 'news2', k % 4 === 0);
      t += rng.real(3.0, 4.2) * DAY;
      k++;
    }
  } else {
    // Monthly evaluations before the last three weeks (the 6 most recent).
    const months: number[] = [];
    for (let t = start + 30 * DAY; t < recentFrom; t += 30 * DAY) months.push(t);
    for (const t of months.slice(-6)) visit(w.officeTime(t), primary, 'evaluation', rng.chance(0.5) ? 'basic' : 'none', rng.chance(0.3));
  }

  // The last three weeks: frequent visits, and for some one this morning.
  const daily = p.heavy || hours >= 10 ? 1 : hours >= 5 ? 0.7 : 0.4;
  for (let d = -21; d <= -1; d++) {
    if (!rng.chance(daily)) continue;
    const morning = rng.chance(0.8);
    const when = morning ? clock.at(d, rng.range(7, 10), rng.int(60)) : clock.at(d, rng.range(15, 20), rng.int(60));
    const monday = clock.weekday(d) === 1;
    visit(when, rng.pick(staff), 'daily', p.heavy ? 'news2' : monday ? 'basic' : 'none', monday && rng.chance(0.5));
  }
  const { hour, minute } = osloClock(clock.now);
  const minutesSince0730 = (hour - 7) * 60 + minute - 30;
  if (minutesSince0730 >= 60 && rng.chance(daily >= 1 ? 0.85 : 0.5)) {
    const latest = Math.min(minutesSince0730 - 50, 150);
    const when = clock.at(0, 7, 30) + rng.range(0, Math.max(0, latest)) * MINUTE;
    visit(when, rng.pick(staff), 'daily', p.heavy ? 'news2' : 'none', false);
  }
}

// ---------------------------------------------------------------------------------------------
// Nursing home

export function nursingHome(h: History): void {
  const { w, rng, clock, p } = h;
  const nh = p.muni.nursingHome;
  const nurses = staffOf(nh, 'nh-nurse');
  const primary = rng.pick(nurses);
  const admitted = w.officeTime(Math.max(clock.now - rng.real(60, 3 * 365) * DAY, p.prev ? p.prev.moveMs + 30 * DAY : 0));
  w.episodeOfCare({ service: 'nursing-home', text: 'Langtidsopphold i sykehjem', provider: nh.ref, start: admitted, careManager: primary });
  const stay = w.encounter({ cls: 'IMP', service: 'nursing-home', start: admitted, status: 'in-progress', participants: [primary], provider: nh.ref, reason: 'Langtidsopphold', location: nh.loc });

  const report = (t: number, who: StaffRef, vitals: boolean, news2: boolean): void => {
    let measured = '';
    if (vitals) {
      const done = w.vitals(news2 ? ['rr', 'spo2', 'bp', 'hr', 'temp'] : ['bp', 'hr', 'spo2'], h.sample(), t - 2 * HOUR, stay, who, news2);
      measured = `BT ${done.bp}, puls ${done.hr}, SpO2 ${done.spo2} %${done.news2 !== undefined ? `, NEWS2 ${done.news2}` : ''}.`;
    }
    const text = nursingHomeReport(h);
    w.note({
      type: 'nursing-home-report',
      t,
      author: who,
      custodian: nh.ref,
      encounter: stay,
      title: 'Rapport dagvakt',
      sections: [measured ? section('Rapport', text, measured) : section('Rapport', text)],
    });
  };
  // Monthly summaries since admission (the 8 most recent before the last two weeks).
  const months: number[] = [];
  for (let t = admitted + 30 * DAY; t < clock.now - 14 * DAY; t += 30 * DAY) months.push(t);
  for (const t of months.slice(-8)) report(clock.at(clock.dayOffsetOf(t), 14, rng.int(30)), rng.pick(nurses), true, false);
  // A day report every day for the last two weeks; weekly measurements.
  for (let d = -14; d <= -1; d++) {
    if (clock.at(d, 14, 0) < admitted) continue;
    report(clock.at(d, 13, rng.range(30, 59)), rng.pick(nurses), d % 7 === 0, d % 7 === 0 && rng.chance(0.5));
  }
  if (rng.chance(0.5)) {
    const weightT = clock.at(-rng.range(2, 20), 10, 0);
    if (weightT > admitted) w.vitals(['weight'], h.sample(), weightT, stay, primary);
  }
}

// ---------------------------------------------------------------------------------------------
// Physiotherapy

export function physioSeries(h: History, startApprox: number, reason: string, condition?: Reference): void {
  const { w, rng, clock, p } = h;
  if (h.physioDone) return;
  h.physioDone = true;
  const unit = p.muni.physio;
  const physio = rng.pick(staffOf(unit, 'physio'));
  const sessions = rng.range(5, 8);
  let first: number | undefined;
  let future = 0;
  for (let i = 0; i < sessions; i++) {
    const approx = startApprox + i * 7 * DAY;
    if (approx < clock.now - 2 * HOUR - DAY) {
      const t = w.officeTime(approx);
      first ??= t;
      const end = t + 45 * MINUTE;
      const enc = w.encounter({ cls: 'AMB', service: 'physio', start: t, end, participants: [physio], provider: unit.ref, reason: `Fysioterapi: ${reason}`, location: unit.loc });
      w.note({
        type: 'physio-note',
        t: end,
        author: physio,
        custodian: unit.ref,
        encounter: enc,
        title: i === 0 ? 'Første konsultasjon fysioterapi' : `Behandling ${i + 1}`,
        sections:
          i === 0
            ? [sharedSection('Henvisning', `Henvist fra fastlege: ${reason}.`), sharedSection('Status', 'Smerter VAS 5 ved belastning. Nedsatt styrke og bevegelighet.'), sharedSection('Tiltak', 'Individuelt øvelsesprogram gjennomgått. Råd om aktivitet.'), sharedSection('Plan', `Behandling én gang i uken, ${sessions} ganger.`)]
            : [
                sharedSection('Status', rng.pick(['Bedre bevegelighet siden sist, smerter VAS 3.', 'Uendret siden sist. Gjør øvelsene hjemme.', 'Gått lenger turer denne uken. Mindre smerter.'])),
                sharedSection('Tiltak', rng.pick(['Styrkeøvelser og balansetrening.', 'Øvelsesprogrammet justert med økt belastning.', 'Manuell behandling og tøyning.'])),
              ],
      });
    } else if (future < 3) {
      future++;
      const start = w.futureOfficeTime(Math.max(1, clock.dayOffsetOf(approx)));
      w.appointment({ status: 'booked', service: 'physio', start, minutes: 45, who: physio, location: unit.loc, description: `Fysioterapi: ${reason}`, created: clock.now - rng.range(1, 20) * DAY });
    }
  }
  if (future > 0) {
    w.episodeOfCare({ service: 'physio', text: `Fysioterapi: ${reason}`, provider: unit.ref, start: first ?? w.officeTime(clock.now - 3 * DAY), careManager: physio, ...(condition ? { diagnosis: condition } : {}) });
  }
}

// ---------------------------------------------------------------------------------------------
// Child health station (helsestasjon)

const DEVELOPMENT: ReadonlyArray<readonly [number, string]> = [
  [42, 'Godt sugetak, ammes. Følger med blikket.'],
  [120, 'Smiler og gryntelyder. Løfter hodet godt i mageleie.'],
  [200, 'Griper etter leker, ruller fra mage til rygg.'],
  [330, 'Sitter uten støtte, kryper. Sier «mamma» og «pappa».'],
  [560, 'Går selv, sier enkeltord. Peker på det hen vil ha.'],
  [900, 'Løper, snakker i toordssetninger. Leker sammen med andre.'],
  [99_999, 'Snakker forståelig, tegner menneske, hopper på ett ben.'],
];

function developmentText(ageDays: number): string {
  for (const [limit, text] of DEVELOPMENT) if (ageDays < limit) return text;
  return DEVELOPMENT[DEVELOPMENT.length - 1]?.[1] ?? '';
}

const DOSE_ORAL = Object.freeze({ value: 1.5, unit: 'ml', system: 'http://unitsofmeasure.org', code: 'mL' });
const DOSE_IM = Object.freeze({ value: 0.5, unit: 'ml', system: 'http://unitsofmeasure.org', code: 'mL' });

const VACCINE_SHORT: Record<VaccineKey, string> = { rota: 'rotavirusvaksine', hexa: 'seksvalent vaksine (DTP-IPV-Hib-HepB)', pcv: 'pneumokokkvaksine', mmr: 'MMR-vaksine' };

export function childHealth(h: History): void {
  const { w, rng, clock, p } = h;
  const hs = p.muni.healthStation;
  const nurse = rng.pick(staffOf(hs, 'hs-nurse'));
  w.episodeOfCare({ service: 'health-station', text: 'Helsestasjon for barn 0–5 år', provider: hs.ref, start: p.birthMs, careManager: nurse });

  // Each child follows its own percentile, with a little noise; a few cross percentile lines.
  const z0 = Math.max(-2.3, Math.min(2.3, rng.gauss(0, 0.9)));
  const zW = z0 + rng.gauss(0, 0.35);
  const zL = z0 * 0.8 + rng.gauss(0, 0.45);
  const zH = z0 * 0.6 + rng.gauss(0, 0.55);
  const crossing = rng.chance(0.06) ? (rng.chance(0.5) ? -1 : 1) * rng.real(0.8, 1.4) : 0;
  const drift = (ageDays: number): number => crossing * Math.min(1, ageDays / 730);
  const noise = (): number => rng.gauss(0, 0.12);
  const refusesVaccines = rng.chance(0.02);

  // Birth measurements, recorded by the maternity ward.
  const maternity = p.muni.hospital.ref;
  w.growth(
    [
      ['weight', round(growthValue('wfa', p.sex, 0, zW + noise()), 2)],
      ['height', round(growthValue('lhfa', p.sex, 0, zL + noise()), 1)],
      ['headCircumference', round(growthValue('hcfa', p.sex, 0, zH + noise()), 1)],
    ],
    p.birthMs,
    undefined,
    maternity,
  );

  for (let i = 0; i < HEALTH_STATION_PROGRAMME.length; i++) {
    const v = HEALTH_STATION_PROGRAMME[i];
    if (!v) continue;
    const next = HEALTH_STATION_PROGRAMME[i + 1];
    const late = rng.chance(0.1) ? rng.range(7, 35) : 0;
    const due = p.birthMs + (v.ageDays + late + rng.range(-2, 3)) * DAY;
    if (due > clock.now - 2 * HOUR - DAY) {
      // The next consultation in the programme: booked if it is within eight weeks.
      if (due < clock.now + 56 * DAY) {
        const start = w.futureOfficeTime(Math.max(1, clock.dayOffsetOf(due)));
        w.appointment({ status: 'booked', service: 'health-station', start, minutes: v.doctor ? 45 : 30, who: nurse, location: hs.loc, description: v.title, created: clock.now - rng.range(3, 30) * DAY });
      }
      break;
    }
    // A few consultations are missed; their vaccines are then given later at a catch-up visit.
    const missed = i > 0 && rng.chance(0.03);
    const t = w.officeTime(due);
    const ageDays = (t - p.birthMs) / DAY;
    const minutes = v.doctor ? 45 : v.group ? 60 : 30;
    let enc: Reference | undefined;
    const growthParts: string[] = [];
    if (!missed) {
      enc = w.encounter({ cls: v.home ? 'HH' : 'AMB', service: 'health-station', start: t, end: t + minutes * MINUTE, participants: [nurse], provider: hs.ref, reason: v.title, location: v.home ? undefined : hs.loc });
      if (v.growth !== 'none') {
        const wt = round(growthValue('wfa', p.sex, ageDays, zW + drift(ageDays) + noise()), 2);
        const len = round(growthValue('lhfa', p.sex, ageDays, zL + noise()), 1);
        const measured: Array<['weight' | 'height' | 'headCircumference', number]> = [
          ['weight', wt],
          ['height', len],
        ];
        growthParts.push(`Vekt ${nb(wt, 2)} kg, ${ageDays < 730 ? 'lengde' : 'høyde'} ${nb(len, 1)} cm`);
        if (v.growth === 'WLH') {
          const hc = round(growthValue('hcfa', p.sex, ageDays, zH + noise()), 1);
          measured.push(['headCircumference', hc]);
          growthParts.push(`hodeomkrets ${nb(hc, 1)} cm`);
        }
        w.growth(measured, t + 10 * MINUTE, enc, nurse.ref);
      }
    }
    const given: string[] = [];
    if (!refusesVaccines) {
      for (const [vaccine, dose] of v.vaccines) {
        if (rng.chance(0.01)) continue; // a dose never given
        const lateDays = missed || rng.chance(0.04) ? rng.range(14, 42) : 0;
        const when = lateDays > 0 ? w.officeTime(Math.min(t + lateDays * DAY, clock.now - DAY)) : t + 20 * MINUTE;
        if (when <= p.birthMs + (v.ageDays - 7) * DAY) continue; // too young for a catch-up dose yet
        const year = new Date(when).getUTCFullYear() % 100;
        const oral = vaccine === 'rota';
        w.immunization({
          vaccineCode: VACCINE[vaccine],
          ...(lateDays > 0 || !enc ? {} : { encounter: enc }),
          occurrenceDateTime: dateTimeOf(when),
          recorded: dateTimeOf(when + 5 * MINUTE),
          primarySource: true,
          location: hs.loc,
          lotNumber: `${VACCINE_LOT_PREFIX[vaccine]}${year}${100 + rng.int(900)}${String.fromCharCode(65 + rng.int(6))}`,
          ...(oral ? {} : { site: vaccine === 'pcv' ? SITE.rightThigh : vaccine === 'mmr' ? SITE.leftArm : SITE.leftThigh }),
          route: oral ? VACCINE_ROUTE.oral : VACCINE_ROUTE.im,
          doseQuantity: oral ? DOSE_ORAL : DOSE_IM,
          performer: [{ function: PERFORMER_FUNCTION_AP, actor: nurse.ref }],
          protocolApplied: [{ series: 'Barnevaksinasjonsprogrammet', doseNumberPositiveInt: dose }],
        });
        if (lateDays === 0) given.push(`${VACCINE_SHORT[vaccine]} dose ${dose}`);
      }
    }
    if (missed || !enc) continue;
    const who = v.home ? 'Hjemmebesøk, begge foreldrene til stede.' : v.group ? 'Gruppekonsultasjon sammen med fem andre familier.' : 'Møtt med mor.';
    const sections = [sharedSection('Konsultasjon', `${v.title}. ${who}${v.doctor ? ' Undersøkt av helsestasjonslege: normale funn.' : ''}`)];
    const growthText = growthParts.length > 0 ? `${growthParts.join(', ')}. ${crossing !== 0 && ageDays > 200 ? 'Har krysset persentillinjer for vekt, følges tettere.' : 'Følger sin kurve.'}` : '';
    sections.push(growthText ? section('Vekst og utvikling', growthText, developmentText(ageDays)) : sharedSection('Vekst og utvikling', developmentText(ageDays)));
    if (given.length > 0) sections.push(section('Vaksiner', `Gitt ${given.join(', ')}. Ingen umiddelbare reaksjoner.`));
    sections.push(sharedSection('Plan', next ? `Neste konsultasjon: ${next.title.toLowerCase()}.` : 'Neste kontakt ved skolestart (skolehelsetjenesten).'));
    w.note({ type: 'health-station-consultation', t: t + minutes * MINUTE, author: nurse, custodian: hs.ref, encounter: enc, title: v.title, sections });
  }
}

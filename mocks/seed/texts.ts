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

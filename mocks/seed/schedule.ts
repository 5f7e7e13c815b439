import type { Appointment, FhirResource } from 'fhir/r4';
import { chronicByKey } from './conditions';
import type { HistoryContext } from './history';
import type { Person } from './population';
import { Rng, STREAM, deriveSeed } from './random';
import { MINUTE } from './time';
import { PatientWriter, section, sharedSection } from './writer';
import type { MuniCtx, StaffRef } from './world';

/**
 * Today's GP lists: every GP has 10–20 appointments on the day of "now", from 08:00 to 15:30
 * Oslo time (15-minute slots, lunch 11:30–12:00), mostly with patients on their own list.
 * Appointments that have ended are fulfilled (with an Encounter and a note), the one in progress
 * is "arrived", the rest are booked. Ids: appt-<patient>-today, enc-<patient>-today, …
 * (a patient has one GP appointment today, except in data sets too small to fill every list:
 * then -today2, -today3 …).
 */

const SLOTS: readonly number[] = (() => {
  const s: number[] = [];
  for (let m = 8 * 60; m <= 15 * 60 + 30; m += 15) if (m < 11 * 60 + 30 || m >= 12 * 60) s.push(m);
  return s;
})();

const ADULT_REASONS = [
  'Vondt i ryggen',
  'Hoste og feber',
  'Oppfølging sykmelding',
  'Svar på blodprøver',
  'Førerkortattest',
  'Vondt i kneet',
  'Slapphet',
  'Hudforandring',
  'Svimmelhet',
  'Samtale',
  'Halsbrann',
  'Hodepine',
];
const CHILD_REASONS = ['Øreverk', 'Feber og hoste', 'Utslett', 'Kontroll etter mellomørebetennelse', 'Vondt i magen'];

function reasonFor(p: Person, rng: Rng): string {
  const keys = p.chronicKeys ?? [];
  if (keys.length > 0 && rng.chance(0.6)) {
    const def = chronicByKey(rng.pick(keys));
    if (def) return def.follow.reason;
  }
  return rng.pick(p.age < 16 ? CHILD_REASONS : ADULT_REASONS);
}

export function writeSchedules(ctx: HistoryContext, persons: readonly Person[], out: FhirResource[]): void {
  const { world } = ctx;
  const listOf = new Map<string, Person[]>();
  const byMuni = new Map<MuniCtx, Person[]>();
  for (const p of persons) {
    if (p.nursingHome) continue;
    const l = listOf.get(p.gp.roleId);
    if (l) l.push(p);
    else listOf.set(p.gp.roleId, [p]);
    const m = byMuni.get(p.muni);
    if (m) m.push(p);
    else byMuni.set(p.muni, [p]);
  }
  /** Appointments today per patient (more than one only when a small data set runs out of patients). */
  const scheduled = new Map<Person, number>();
  for (const muni of world.munis) {
    muni.gps.forEach((gp, gi) => {
      const rng = new Rng(deriveSeed(ctx.seed, STREAM.schedule, muni.index * 1000 + gi));
      const office = muni.officeOfGp.get(gp.roleId);
      if (!office) return;
      const k = rng.range(10, 20);
      const slots = rng.sample(SLOTS, k).sort((a, b) => a - b);
      const colleagues = (office.byGroup.gp ?? []).filter((g) => g !== gp);
      const pools: Person[][] = [listOf.get(gp.roleId) ?? [], ...colleagues.map((c) => listOf.get(c.roleId) ?? []), byMuni.get(muni) ?? []];
      const queue: Person[] = [];
      for (const pool of pools) queue.push(...rng.sample(pool, Math.min(pool.length, 60)));
      let qi = 0;
      let reuse = 0;
      const mine = new Set<Person>();
      for (let si = 0; si < slots.length; si++) {
        let person: Person | undefined;
        while (qi < queue.length && !person) {
          const c = queue[qi++];
          if (c && !scheduled.has(c)) person = c;
        }
        // A small data set may run out of patients: then a patient may see two GPs today.
        while (!person && reuse < queue.length) {
          const c = queue[reuse++];
          if (c && !mine.has(c)) person = c;
        }
        if (!person) break;
        mine.add(person);
        const n = (scheduled.get(person) ?? 0) + 1;
        scheduled.set(person, n);
        const slot = slots[si] ?? 8 * 60;
        const nextSlot = slots[si + 1];
        const minutes = nextSlot !== undefined && nextSlot - slot >= 30 && rng.chance(0.25) ? 30 : 15;
        appointmentToday(ctx, person, gp, slot, minutes, rng, out, n);
      }
    });
  }
}

function appointmentToday(ctx: HistoryContext, p: Person, gp: StaffRef, slotMinutes: number, minutes: number, rng: Rng, out: FhirResource[], n: number): void {
  const { clock } = ctx;
  const w = new PatientWriter(ctx.world, clock, p, rng, out, `t${n}-`);
  const suffix = n === 1 ? 'today' : `today${n}`;
  const start = clock.at(0, Math.floor(slotMinutes / 60), slotMinutes % 60);
  const end = start + minutes * MINUTE;
  const status: Appointment['status'] = end <= clock.now ? 'fulfilled' : start <= clock.now ? 'arrived' : 'booked';
  const reason = reasonFor(p, rng);
  const office = ctx.world.munis[p.muni.index]?.officeOfGp.get(gp.roleId) ?? p.office;
  const appt = w.appointment({
    id: `appt-${p.id.slice(4)}-${suffix}`,
    status,
    service: 'gp',
    start,
    minutes,
    who: gp,
    location: office.loc,
    description: reason,
    created: clock.now - rng.range(1, 21) * 86_400_000,
  });
  if (status === 'booked') return;
  const enc = w.encounter({
    id: `enc-${p.id.slice(4)}-${suffix}`,
    cls: 'AMB',
    service: 'gp',
    start,
    end: status === 'fulfilled' ? end : undefined,
    status: status === 'fulfilled' ? 'finished' : 'arrived',
    participants: [gp],
    provider: office.ref,
    reason,
    location: office.loc,
    appointment: appt,
  });
  if (status !== 'fulfilled') return;
  const adult = p.age >= 14;
  const done = adult
    ? w.vitals(
        ['bp', 'hr'],
        { sys: 118 + Math.max(0, p.age - 25) * 0.45 + rng.gauss(0, 9), dia: 74 + rng.gauss(0, 6), hr: rng.gauss(72, 8), spo2: 98, temp: 36.8, rr: 14, weight: 75 },
        start + 5 * MINUTE,
        enc,
        gp,
      )
    : { refs: [], bp: undefined, hr: undefined };
  const findings = done.bp ? `BT ${done.bp}, puls ${done.hr}. Klinisk undersøkelse uten nye funn.` : 'Klinisk undersøkelse uten sikre funn.';
  w.note({
    id: `note-${p.id.slice(4)}-${suffix}`,
    type: 'consultation',
    t: end,
    author: gp,
    custodian: office.ref,
    encounter: enc,
    title: reason,
    sections: [sharedSection('Årsak', reason), section('Funn', findings), sharedSection('Vurdering', rng.pick(['Stabil tilstand.', 'Som tidligere.', 'Ufarlig tilstand.'])), sharedSection('Plan', rng.pick(['Ny kontroll ved behov.', 'Kontroll om 3 måneder.', 'Tar kontakt ved forverring.']))],
  });
}

/**
 * The System Usability Scale (Brooke, 1996): ten statements answered 1 (strongly disagree) to 5
 * (strongly agree). Score: odd items contribute (answer − 1), even items (5 − answer); the sum
 * times 2.5 gives 0–100. Norwegian wording after the common Norwegian translation; check it
 * against the version your organisation uses before a formal study.
 */
export const SUS_ITEMS: { nb: string; en: string }[] = [
  { nb: 'Jeg tror at jeg vil bruke dette systemet ofte.', en: 'I think that I would like to use this system frequently.' },
  { nb: 'Jeg synes systemet var unødvendig komplisert.', en: 'I found the system unnecessarily complex.' },
  { nb: 'Jeg synes systemet var lett å bruke.', en: 'I thought the system was easy to use.' },
  { nb: 'Jeg tror jeg vil trenge hjelp fra en person med teknisk kunnskap for å kunne bruke dette systemet.', en: 'I think that I would need the support of a technical person to be able to use this system.' },
  { nb: 'Jeg synes de ulike funksjonene i systemet hang godt sammen.', en: 'I found the various functions in this system were well integrated.' },
  { nb: 'Jeg synes det var for mye inkonsistens i systemet.', en: 'I thought there was too much inconsistency in this system.' },
  { nb: 'Jeg tror de fleste vil lære seg å bruke systemet svært raskt.', en: 'I would imagine that most people would learn to use this system very quickly.' },
  { nb: 'Jeg synes systemet var svært tungvint å bruke.', en: 'I found the system very cumbersome to use.' },
  { nb: 'Jeg følte meg svært trygg da jeg brukte systemet.', en: 'I felt very confident using the system.' },
  { nb: 'Jeg måtte lære mye før jeg kunne komme i gang med systemet.', en: 'I needed to learn a lot of things before I could get going with this system.' },
];

export type SusAnswer = 1 | 2 | 3 | 4 | 5;

/** The SUS score (0–100) of ten answers, or undefined while any answer is missing or out of range. */
export function susScore(answers: readonly (number | null | undefined)[]): number | undefined {
  if (answers.length !== 10) return undefined;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const a = answers[i];
    if (typeof a !== 'number' || !Number.isInteger(a) || a < 1 || a > 5) return undefined;
    // Items 1, 3, 5, 7, 9 (index even) are positive; 2, 4, 6, 8, 10 negative.
    sum += i % 2 === 0 ? a - 1 : 5 - a;
  }
  return sum * 2.5;
}

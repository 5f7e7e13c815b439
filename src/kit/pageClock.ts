/**
 * The page's clock follows the journal's when a tester has set it (POST /mock/clock): the app
 * reads "now" from Date (today's visits, triage timers, due vaccines), so Date is moved by the
 * difference. Only the kit (mock builds) does this; the real time stays available as `realNow`.
 * Instances keep Date's prototype, so `instanceof Date` holds for dates made before and after.
 */
const RealDate = Date;
export const realNow = (): number => RealDate.now();

let offsetMs = 0;

export function clockOffset(): number {
  return offsetMs;
}

/** Moves the page's clock by `ms` (0 = real time). */
export function setClockOffset(ms: number): void {
  if (ms === offsetMs) return;
  offsetMs = ms;
  if (ms === 0) {
    globalThis.Date = RealDate;
    return;
  }
  // A stand-in constructor with Date's own prototype: only "now" (no arguments) is moved.
  function ShiftedDate(this: unknown, ...args: unknown[]): Date | string {
    if (!new.target) return new RealDate(RealDate.now() + offsetMs).toString();
    return args.length === 0 ? new RealDate(RealDate.now() + offsetMs) : (Reflect.construct(RealDate, args, new.target) as Date);
  }
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = () => RealDate.now() + offsetMs;
  ShiftedDate.parse = RealDate.parse;
  ShiftedDate.UTC = RealDate.UTC;
  globalThis.Date = ShiftedDate as unknown as DateConstructor;
}

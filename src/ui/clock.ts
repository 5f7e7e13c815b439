import { useSyncExternalStore } from 'react';

/**
 * One shared ticking source for every timer on screen (the triage board's waiting times, the
 * wall display): a single interval while anyone listens, however many rows there are. The
 * snapshot is the time rounded down to the quantum, so a listener re-renders only when it has
 * moved on; components that show a time subscribe, the rows around them do not.
 */
const QUANTUM_MS = 5_000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
let current = quantised();

function quantised(): number {
  return Math.floor(Date.now() / QUANTUM_MS) * QUANTUM_MS;
}

/**
 * What the clock has cost on the main thread since the page loaded: its ticks and the renders
 * they caused (ms). Read by the bench (`npm run bench`, window.__aksonClockCost); two additions a second.
 */
export const clockCost = { ms: 0, ticks: 0 };
(globalThis as { __aksonClockCost?: typeof clockCost }).__aksonClockCost = clockCost;

function tick(): void {
  const started = performance.now();
  const done = () => {
    clockCost.ms += performance.now() - started;
    clockCost.ticks += 1;
  };
  const next = quantised();
  if (next === current) return done();
  current = next;
  for (const listener of listeners) listener();
  // React renders what the listeners asked for in a microtask queued before this one.
  queueMicrotask(done);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    current = quantised();
    timer = setInterval(tick, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

function snapshot(): number {
  // Between ticks (and before the first), the clock may have moved on (a test's fake clock jumped).
  if (listeners.size === 0) current = quantised();
  return current;
}

/** The time now (ms, to the last 5 s), updated by the shared clock. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/**
 * A value computed from the clock (a primitive: minutes waited, a count): the component renders
 * again only when the value changes, not at every tick (a waiting time in minutes changes once a
 * minute, however often the clock ticks).
 */
export function useClockValue<T extends string | number | boolean>(select: (nowMs: number) => T): T {
  const get = () => select(snapshot());
  return useSyncExternalStore(subscribe, get, get);
}

/** The time now, for event handlers (what a user saves is stamped when they save it). */
export function nowMs(): number {
  return Date.now();
}

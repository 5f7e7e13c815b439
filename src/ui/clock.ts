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

function tick(): void {
  const next = quantised();
  if (next === current) return;
  current = next;
  for (const listener of listeners) listener();
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

/** The time now, for event handlers (what a user saves is stamped when they save it). */
export function nowMs(): number {
  return Date.now();
}

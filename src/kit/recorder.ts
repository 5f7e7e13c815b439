/**
 * Records what a participant does during a task: clicks and taps (pointer presses), keystrokes,
 * the screens visited and the errors shown (elements with role "alert" that appear). Nothing done
 * in the tester's own panel counts: the kit marks its elements with `data-usability-kit`, and
 * events inside them (or the panel's shortcut) are ignored.
 */
export const KIT_ATTRIBUTE = 'data-usability-kit';

export interface TaskMeasures {
  clicks: number;
  keystrokes: number;
  /** Paths visited, in order (the starting screen first). */
  path: string[];
  errors: { at: string; text: string }[];
}

export interface RecorderOptions {
  /** Where to listen (the page's document). */
  root: Document;
  /** The screen the task starts on. */
  initialPath: string;
  /** Calls back with the new path on every navigation; returns an unsubscribe. */
  subscribeNavigation?: (onPath: (path: string) => void) => () => void;
  /** The real time (the kit may move the page's clock). */
  now?: () => number;
  /** Called after every change (for a live display). */
  onChange?: (measures: TaskMeasures) => void;
}

export function isKitElement(target: EventTarget | Node | null): boolean {
  const el = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  return Boolean(el?.closest(`[${KIT_ATTRIBUTE}]`));
}

/** The kit's shortcut (Ctrl+Alt+T) is the tester's, not the participant's. */
export function isKitShortcut(event: KeyboardEvent): boolean {
  return event.ctrlKey && event.altKey && (event.key === 't' || event.key === 'T' || event.code === 'KeyT');
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

export interface Recorder {
  measures(): TaskMeasures;
  stop(): TaskMeasures;
}

export function startRecording(options: RecorderOptions): Recorder {
  const { root } = options;
  const now = options.now ?? (() => Date.now());
  const m: TaskMeasures = { clicks: 0, keystrokes: 0, path: [options.initialPath], errors: [] };
  const changed = () => options.onChange?.({ ...m, path: [...m.path], errors: [...m.errors] });
  const seenAlerts = new WeakSet<Element>();

  const onPointer = (event: PointerEvent) => {
    if (!event.isPrimary || (event.pointerType === 'mouse' && event.button !== 0)) return;
    if (isKitElement(event.target)) return;
    m.clicks += 1;
    changed();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.repeat || MODIFIERS.has(event.key) || isKitShortcut(event) || isKitElement(event.target)) return;
    m.keystrokes += 1;
    changed();
  };
  const noteAlert = (el: Element) => {
    if (seenAlerts.has(el) || isKitElement(el)) return;
    seenAlerts.add(el);
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
    if (!text) return;
    m.errors.push({ at: new Date(now()).toISOString(), text });
    changed();
  };
  const scan = (node: Node) => {
    if (!(node instanceof Element)) return;
    if (node.getAttribute('role') === 'alert') noteAlert(node);
    for (const el of node.querySelectorAll('[role="alert"]')) noteAlert(el);
  };
  // Alerts already on screen when the task starts are not the participant's errors.
  for (const el of root.querySelectorAll('[role="alert"]')) seenAlerts.add(el);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') r.addedNodes.forEach(scan);
      // An alert whose text arrives after the element itself.
      else if (r.type === 'characterData' || r.type === 'attributes') scan(r.target instanceof Element ? r.target : (r.target.parentElement ?? r.target));
    }
  });
  const body = root.body ?? root.documentElement;
  observer.observe(body, { childList: true, subtree: true, attributes: true, attributeFilter: ['role'] });
  root.addEventListener('pointerdown', onPointer, true);
  root.addEventListener('keydown', onKey, true);
  const unsubscribe = options.subscribeNavigation?.((path) => {
    if (m.path[m.path.length - 1] !== path) {
      m.path.push(path);
      changed();
    }
  });

  let stopped = false;
  return {
    measures: () => ({ ...m, path: [...m.path], errors: [...m.errors] }),
    stop() {
      if (!stopped) {
        stopped = true;
        // Alerts added in this very tick are still in the observer's queue.
        for (const r of observer.takeRecords()) if (r.type === 'childList') r.addedNodes.forEach(scan);
        observer.disconnect();
        root.removeEventListener('pointerdown', onPointer, true);
        root.removeEventListener('keydown', onKey, true);
        unsubscribe?.();
      }
      return { ...m, path: [...m.path], errors: [...m.errors] };
    },
  };
}

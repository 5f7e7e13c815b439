import { MODULE_REGISTRY } from '../../modules/registry';
import type { PersonnelGroup } from '../../session/personnel';
import { resolveLayout, type LayoutNotice } from '../../layout/resolve';
import { parseLayoutDocument, type LayoutDocument, type LayoutItem } from '../../layout/schema';
import type { ModuleManifest, PageKind } from '../../layout/types';
import { stripItems } from './editorModel';

/**
 * Export and import of layout documents as JSON files. Pure apart from `downloadLayout` and
 * `readFileText`, which touch the browser.
 */

/** A layout file larger than this is not a layout file. */
export const MAX_LAYOUT_FILE_BYTES = 512 * 1024;

function slug(text: string): string {
  return text
    .replace(/æ/gi, 'ae')
    .replace(/ø/gi, 'o')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** layout-4601-homecare-nurse-tablet-home.json, with the variant last when there is one. */
export function layoutFileName(doc: LayoutDocument): string {
  const s = doc.scope;
  const parts = ['layout', s.municipality ?? 'default', s.group ?? 'all', s.device, s.page];
  if (doc.variant) parts.push(slug(doc.variant) || 'variant');
  return `${parts.join('-')}.json`;
}

export function serializeLayout(doc: LayoutDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Why a file was refused, in categories the user is told in words; `problems` are the details. */
export type ImportRefusal = 'empty' | 'too-large' | 'not-json' | 'schema-version' | 'invalid';

export type ImportResult =
  | {
      ok: true;
      document: LayoutDocument;
      /** The items to load: the file's items, or its changes applied to the current items. */
      items: LayoutItem[];
      /** Modules skipped because they are unknown, not allowed for the group, or not for the page. */
      notices: LayoutNotice[];
      /** True when the file was made for another group, device class or page. */
      otherScope: boolean;
    }
  | { ok: false; reason: ImportRefusal; problems: string[] };

function refusalOf(problems: string[]): ImportRefusal {
  const first = problems[0] ?? '';
  if (first.startsWith('not JSON')) return 'not-json';
  if (first.startsWith('schemaVersion')) return 'schema-version';
  return 'invalid';
}

/**
 * Reads a layout file for the layout being edited. A broken file is refused with its problems
 * (the caller keeps the current layout); a valid one yields the items to load, with the modules
 * this group may not use on this page skipped and named in notices.
 */
export function importLayout(
  text: string,
  current: readonly LayoutItem[],
  target: { group: PersonnelGroup; device: string; page: PageKind },
  registry: ReadonlyMap<string, ModuleManifest> = MODULE_REGISTRY,
): ImportResult {
  if (!text.trim()) return { ok: false, reason: 'empty', problems: [] };
  if (text.length > MAX_LAYOUT_FILE_BYTES) return { ok: false, reason: 'too-large', problems: [] };
  const parsed = parseLayoutDocument(text);
  if (!parsed.ok) return { ok: false, reason: refusalOf(parsed.problems), problems: parsed.problems };
  const document = parsed.document;
  // The file is applied on top of what is on screen, exactly as a level of the layout is:
  // a full `items` list replaces it, `changes` change it.
  const resolved = resolveLayout({ registry, group: target.group, page: target.page, defaults: stripItems(current), groupLayout: document });
  const s = document.scope;
  return {
    ok: true,
    document,
    items: stripItems(resolved.items),
    notices: resolved.notices,
    otherScope: (s.group !== undefined && s.group !== target.group) || s.device !== target.device || s.page !== target.page,
  };
}

/** Offers the document as a file download (a Blob behind an <a download>). */
export function downloadLayout(doc: LayoutDocument, fileName = layoutFileName(doc)): void {
  const blob = new Blob([serializeLayout(doc)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, so the download has started.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export async function readFileText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsText(file);
  });
}

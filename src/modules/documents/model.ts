import type { Attachment, DocumentReference, Reference } from 'fhir/r4';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { isServiceCode, type ServiceCode } from '../../domain/services';
import { codingOf, conceptText } from '../../fhir/format';

/**
 * Documents from and to other services (DocumentReference): what the list shows, the filters,
 * and reading a document's text. Pure functions, no React.
 */

export const DOCUMENT_TYPES = ['epikrise', 'henvisning', 'brev'] as const;
export type DocumentTypeCode = (typeof DOCUMENT_TYPES)[number];
/** A type the product knows, or 'other' (a document from another system with its own type). */
export type DocumentTypeKey = DocumentTypeCode | 'other';

export interface DocumentView {
  id: string;
  type: DocumentTypeKey;
  /** The type's own words, for 'other'. */
  typeText: string;
  title: string;
  description?: string;
  date?: string;
  author?: Reference;
  custodian?: Reference;
  /** The sending service from the document's category, when the custodian cannot tell. */
  categoryService?: ServiceCode;
  attachment?: Attachment;
}

function isDocumentType(code: string | undefined): code is DocumentTypeCode {
  return (DOCUMENT_TYPES as readonly string[]).includes(code ?? '');
}

export function toDocumentView(doc: DocumentReference): DocumentView {
  const code = codingOf(doc.type, CODE_SYSTEM.documentType)?.code;
  const attachment = doc.content.find((c) => c.attachment.data !== undefined)?.attachment ?? doc.content[0]?.attachment;
  const typeText = conceptText(doc.type);
  const view: DocumentView = {
    id: doc.id ?? '',
    type: isDocumentType(code) ? code : 'other',
    typeText,
    title: attachment?.title || doc.description || typeText || doc.id || '',
  };
  if (doc.description) view.description = doc.description;
  if (doc.date) view.date = doc.date;
  const author = doc.author?.[0];
  if (author) view.author = author;
  if (doc.custodian) view.custodian = doc.custodian;
  for (const concept of doc.category ?? []) {
    const service = codingOf(concept, CODE_SYSTEM.service)?.code;
    if (isServiceCode(service)) {
      view.categoryService = service;
      break;
    }
  }
  if (attachment) view.attachment = attachment;
  return view;
}

function timeOf(date: string | undefined): number {
  const t = date ? Date.parse(date) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

/** Newest first; undated documents last; ties by id so the order is stable. */
export function sortNewestFirst(views: readonly DocumentView[]): DocumentView[] {
  return [...views].sort((a, b) => timeOf(b.date) - timeOf(a.date) || a.id.localeCompare(b.id));
}

export interface DocumentFilter {
  service: ServiceCode | '';
  type: DocumentTypeKey | '';
}

export const NO_FILTER: DocumentFilter = { service: '', type: '' };

export function filterDocuments(views: readonly DocumentView[], filter: DocumentFilter, serviceOf: (view: DocumentView) => ServiceCode | undefined): DocumentView[] {
  return views.filter((v) => (!filter.type || v.type === filter.type) && (!filter.service || serviceOf(v) === filter.service));
}

/** Documents per type, in the order epikrise, henvisning, brev, other (types with none left out). */
export function typeCounts(views: readonly DocumentView[]): { type: DocumentTypeKey; count: number }[] {
  const order: DocumentTypeKey[] = [...DOCUMENT_TYPES, 'other'];
  return order.map((type) => ({ type, count: views.filter((v) => v.type === type).length })).filter((c) => c.count > 0);
}

// ---------------------------------------------------------------------------------------------
// Reading a document

export type TextFormat = 'markdown' | 'plain';

export type DecodeResult =
  | { ok: true; text: string; format: TextFormat }
  | { ok: false; reason: 'no-content' | 'external' | 'invalid' }
  | { ok: false; reason: 'unsupported'; contentType: string };

/** The media type without parameters, lower case, and its charset (UTF-8 when not given). */
export function parseContentType(contentType: string | undefined): { type: string; charset: string } {
  const [type = '', ...params] = (contentType ?? '').split(';').map((s) => s.trim());
  let charset = 'utf-8';
  for (const p of params) {
    const m = /^charset\s*=\s*"?([^";]+)"?$/i.exec(p);
    if (m?.[1]) charset = m[1].toLowerCase();
  }
  return { type: type.toLowerCase(), charset };
}

function formatOf(type: string): TextFormat | undefined {
  if (type === 'text/markdown' || type === 'text/x-markdown') return 'markdown';
  if (type === 'text/plain' || type === '') return 'plain';
  return undefined;
}

/**
 * A document's text from its attachment: base64 `data` decoded as bytes, then as text in the
 * attachment's charset (UTF-8 unless it says otherwise). Only plain text and Markdown are read;
 * HTML, PDF and the like are never rendered here.
 */
export function decodeAttachment(attachment: Attachment | undefined): DecodeResult {
  if (!attachment) return { ok: false, reason: 'no-content' };
  const { type, charset } = parseContentType(attachment.contentType);
  if (attachment.data === undefined) return { ok: false, reason: attachment.url ? 'external' : 'no-content' };
  const format = formatOf(type);
  if (!format) return { ok: false, reason: 'unsupported', contentType: type };
  let binary: string;
  try {
    binary = atob(attachment.data.replace(/\s+/g, ''));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    return { ok: false, reason: 'unsupported', contentType: `${type}; charset=${charset}` };
  }
  try {
    const text = decoder.decode(bytes);
    return text.trim() ? { ok: true, text, format } : { ok: false, reason: 'no-content' };
  } catch {
    return { ok: false, reason: 'invalid' };
  }
}

export type Block = { kind: 'heading'; level: number; text: string } | { kind: 'paragraph'; lines: string[] } | { kind: 'list'; items: string[] };

/**
 * The blocks of a document's text. Markdown is read as the small subset letters use: "#"
 * headings, "- " or "* " list items and paragraphs (lines kept as they are written; any other
 * markup is shown as the characters it is). Plain text is paragraphs split at blank lines.
 */
export function parseDocumentText(text: string, format: TextFormat): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let current: Block | null = null;
  const end = () => {
    if (current) blocks.push(current);
    current = null;
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      end();
      continue;
    }
    if (format === 'markdown') {
      const heading = /^(#{1,6})\s+(.*)$/.exec(line);
      if (heading) {
        end();
        blocks.push({ kind: 'heading', level: heading[1]?.length ?? 1, text: (heading[2] ?? '').replace(/\s+#+\s*$/, '') });
        continue;
      }
      const item = /^\s*[-*]\s+(.*)$/.exec(line);
      if (item) {
        if (current?.kind !== 'list') {
          end();
          current = { kind: 'list', items: [] };
        }
        current.items.push(item[1] ?? '');
        continue;
      }
    }
    if (current?.kind !== 'paragraph') {
      end();
      current = { kind: 'paragraph', lines: [] };
    }
    current.lines.push(line);
  }
  end();
  return blocks;
}

/**
 * Blocks as the reader shows them under its own heading (the document's title, an h2): a first
 * heading that repeats the title is dropped, and heading levels are renumbered from h3 down
 * without gaps (h3 for the highest level used, then h4, …, at most h6).
 */
export function readerBlocks(blocks: readonly Block[], title: string): Array<Block & { tag?: 'h3' | 'h4' | 'h5' | 'h6' }> {
  const norm = (s: string) => s.trim().toLocaleLowerCase('nb');
  const first = blocks.findIndex((b) => b.kind === 'heading');
  const kept = blocks.filter((b, i) => !(i === first && b.kind === 'heading' && norm(b.text) === norm(title)));
  const levels = [...new Set(kept.flatMap((b) => (b.kind === 'heading' ? [b.level] : [])))].sort((a, b) => a - b);
  const tags = ['h3', 'h4', 'h5', 'h6'] as const;
  return kept.map((b) => (b.kind === 'heading' ? { ...b, tag: tags[Math.min(levels.indexOf(b.level), tags.length - 1)] } : b));
}

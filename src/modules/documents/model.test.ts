import { describe, expect, it } from 'vitest';
import type { DocumentReference } from 'fhir/r4';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { decodeAttachment, filterDocuments, parseContentType, parseDocumentText, readerBlocks, sortNewestFirst, toDocumentView, typeCounts, type DocumentView } from './model';

function b64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes));
}

function doc(id: string, type: string, date: string | undefined, service = 'hospital', extra: Partial<DocumentReference> = {}): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id,
    status: 'current',
    type: { coding: [{ system: CODE_SYSTEM.documentType, code: type }], text: type },
    category: [{ coding: [{ system: CODE_SYSTEM.service, code: service }] }],
    ...(date ? { date } : {}),
    content: [{ attachment: { contentType: 'text/plain', data: b64(`${id} tekst`), title: `Tittel ${id}` } }],
    ...extra,
  };
}

describe('document views', () => {
  it('reads type, title, sender and sending service from a DocumentReference', () => {
    const v = toDocumentView(
      doc('a', 'epikrise', '2026-01-02T10:00:00+01:00', 'hospital', {
        author: [{ reference: 'PractitionerRole/r1', display: 'Silje Lund' }],
        custodian: { reference: 'Organization/org-hus', display: 'Haukeland' },
        description: 'Epikrise fra Haukeland',
      }),
    );
    expect(v).toMatchObject({ id: 'a', type: 'epikrise', title: 'Tittel a', description: 'Epikrise fra Haukeland', categoryService: 'hospital', author: { display: 'Silje Lund' }, custodian: { display: 'Haukeland' } });
    // Another system's type is kept with its own words; a document without a title falls back to its description or type.
    const other = toDocumentView({ resourceType: 'DocumentReference', id: 'b', status: 'current', type: { text: 'Sykmelding' }, content: [{ attachment: { url: 'https://x/y.pdf' } }] });
    expect(other).toMatchObject({ type: 'other', typeText: 'Sykmelding', title: 'Sykmelding' });
  });

  it('sorts newest first with undated documents last, and filters by service and type', () => {
    const views = sortNewestFirst([doc('old', 'brev', '2024-01-01T10:00:00+01:00', 'gp'), doc('none', 'brev', undefined), doc('new', 'epikrise', '2026-01-01T10:00:00+01:00'), doc('mid', 'henvisning', '2025-06-01T10:00:00+02:00', 'gp')].map(toDocumentView));
    expect(views.map((v) => v.id)).toEqual(['new', 'mid', 'old', 'none']);
    const serviceOf = (v: DocumentView) => v.categoryService;
    expect(filterDocuments(views, { service: 'gp', type: '' }, serviceOf).map((v) => v.id)).toEqual(['mid', 'old']);
    expect(filterDocuments(views, { service: 'gp', type: 'brev' }, serviceOf).map((v) => v.id)).toEqual(['old']);
    expect(filterDocuments(views, { service: '', type: 'epikrise' }, serviceOf).map((v) => v.id)).toEqual(['new']);
    expect(typeCounts(views)).toEqual([
      { type: 'epikrise', count: 1 },
      { type: 'henvisning', count: 1 },
      { type: 'brev', count: 2 },
    ]);
  });
});

describe('decoding a document', () => {
  it('decodes base64 as UTF-8 with Norwegian letters, and knows Markdown from plain text', () => {
    expect(decodeAttachment({ contentType: 'text/markdown; charset=utf-8', data: b64('## Funn\nBlåbær – ærlig øl') })).toEqual({ ok: true, format: 'markdown', text: '## Funn\nBlåbær – ærlig øl' });
    expect(decodeAttachment({ contentType: 'text/plain', data: b64('Hei på deg') })).toEqual({ ok: true, format: 'plain', text: 'Hei på deg' });
  });

  it('honours another charset', () => {
    // "blåbær" in ISO-8859-1: å = 0xE5, æ = 0xE6.
    const latin1 = btoa(String.fromCharCode(0x62, 0x6c, 0xe5, 0x62, 0xe6, 0x72));
    expect(decodeAttachment({ contentType: 'text/plain; charset=ISO-8859-1', data: latin1 })).toEqual({ ok: true, format: 'plain', text: 'blåbær' });
    expect(parseContentType('Text/Markdown; Charset="UTF-8"')).toEqual({ type: 'text/markdown', charset: 'utf-8' });
  });

  it('refuses what it cannot show safely or at all, with the reason', () => {
    expect(decodeAttachment(undefined)).toEqual({ ok: false, reason: 'no-content' });
    expect(decodeAttachment({ contentType: 'application/pdf', url: 'https://example.org/x.pdf' })).toEqual({ ok: false, reason: 'external' });
    expect(decodeAttachment({ contentType: 'text/html', data: b64('<p>x</p>') })).toEqual({ ok: false, reason: 'unsupported', contentType: 'text/html' });
    expect(decodeAttachment({ contentType: 'text/plain', data: '***not base64***' })).toEqual({ ok: false, reason: 'invalid' });
    // Bytes that are not UTF-8 (a lone 0xFF) are reported, not shown as replacement characters.
    expect(decodeAttachment({ contentType: 'text/plain; charset=utf-8', data: btoa(String.fromCharCode(0x61, 0xff)) })).toEqual({ ok: false, reason: 'invalid' });
    expect(decodeAttachment({ contentType: 'text/plain; charset=klingon', data: b64('x') })).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(decodeAttachment({ contentType: 'text/plain', data: b64('  \n') })).toEqual({ ok: false, reason: 'no-content' });
  });
});

describe('the text of a document', () => {
  const md = '# Epikrise\n\nHaukeland\nPasient: Kari\n\n## Funn\n\nBT 140/90.\nPuls 80.\n\n## Medikamenter\n\n- Ramipril 5 mg\n* Metoprolol 50 mg\n\nMed vennlig hilsen\nSilje Lund\n';

  it('reads the Markdown subset: headings, paragraphs with their lines, lists', () => {
    expect(parseDocumentText(md, 'markdown')).toEqual([
      { kind: 'heading', level: 1, text: 'Epikrise' },
      { kind: 'paragraph', lines: ['Haukeland', 'Pasient: Kari'] },
      { kind: 'heading', level: 2, text: 'Funn' },
      { kind: 'paragraph', lines: ['BT 140/90.', 'Puls 80.'] },
      { kind: 'heading', level: 2, text: 'Medikamenter' },
      { kind: 'list', items: ['Ramipril 5 mg', 'Metoprolol 50 mg'] },
      { kind: 'paragraph', lines: ['Med vennlig hilsen', 'Silje Lund'] },
    ]);
  });

  it('reads plain text as paragraphs, with "#" and "-" as ordinary characters', () => {
    expect(parseDocumentText('# ikke overskrift\r\n- ikke liste\r\n\r\nAndre avsnitt', 'plain')).toEqual([
      { kind: 'paragraph', lines: ['# ikke overskrift', '- ikke liste'] },
      { kind: 'paragraph', lines: ['Andre avsnitt'] },
    ]);
  });

  it('drops a first heading that repeats the title and numbers the rest from h3 without gaps', () => {
    const blocks = readerBlocks(parseDocumentText(md, 'markdown'), 'epikrise');
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => [b.kind === 'heading' ? b.text : '', b.tag])).toEqual([
      ['Funn', 'h3'],
      ['Medikamenter', 'h3'],
    ]);
    const other = readerBlocks(parseDocumentText('# Annet\n\n### Under\n\ntekst', 'markdown'), 'Brev');
    expect(other.filter((b) => b.kind === 'heading').map((b) => b.tag)).toEqual(['h3', 'h4']);
  });
});

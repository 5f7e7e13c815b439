// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Composition, Organization, PractitionerRole } from 'fhir/r4';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { textToXhtml } from '../../journal/notes/compose';
import { NO_FILTER, facetCounts, filterThreads, orgInfo, periodRange, roleInfo, threadNotes, toNoteView, type NoteView, type OrgInfo, type RoleInfo } from './model';

function note(id: string, o: Partial<Composition> & { typeCode?: string; role?: string; org?: string; sections?: [string, string][] } = {}): Composition {
  const { typeCode = 'consultation', role = 'role-gp', org = 'org-office', sections = [['Årsak', 'Hoste']], ...rest } = o;
  return {
    resourceType: 'Composition',
    id,
    status: 'final',
    type: { coding: [{ system: CODE_SYSTEM.noteType, code: typeCode, display: typeCode }], text: typeCode },
    date: '2026-03-01T10:00:00+01:00',
    author: [{ reference: `PractitionerRole/${role}`, display: `Navn ${role}` }],
    custodian: { reference: `Organization/${org}`, display: `Enhet ${org}` },
    title: `Notat ${id}`,
    section: sections.map(([title, text]) => ({ title, text: { status: 'generated', div: textToXhtml(text) } })),
    ...rest,
  };
}

const roles = new Map<string, RoleInfo>([
  ['role-gp', { group: 'gp', text: 'Fastlege' }],
  ['role-hc', { group: 'homecare-nurse', text: 'Sykepleier i hjemmetjenesten' }],
]);
const orgs = new Map<string, OrgInfo>([
  ['org-office', { name: 'Legekontoret', service: 'gp', municipality: 'Bergen' }],
  ['org-hc', { name: 'Hjemmetjenesten Årstad', service: 'home-care', municipality: 'Bergen' }],
  ['org-ed', { name: 'Legevakten', service: 'emergency', municipality: 'Tromsø' }],
]);
const view = (c: Composition) => toNoteView(c, roles, orgs);

describe('who and where a note was recorded', () => {
  it('reads the personnel group from the PractitionerRole and service and municipality from the unit', () => {
    const role: PractitionerRole = {
      resourceType: 'PractitionerRole',
      id: 'r',
      code: [{ coding: [{ system: CODE_SYSTEM.personnelGroup, code: 'homecare-nurse' }, { system: CODE_SYSTEM.personnelCategory, code: 'SP' }], text: 'Sykepleier i hjemmetjenesten' }],
    };
    expect(roleInfo(role)).toEqual({ group: 'homecare-nurse', text: 'Sykepleier i hjemmetjenesten' });
    expect(roleInfo({ resourceType: 'PractitionerRole', code: [{ coding: [{ system: CODE_SYSTEM.personnelCategory, code: 'LE' }], text: 'Sykehuslege' }] })).toEqual({ text: 'Sykehuslege' });
    const org: Organization = {
      resourceType: 'Organization',
      name: 'Hjemmetjenesten Årstad',
      type: [{ coding: [{ system: CODE_SYSTEM.unitKind, code: 'home-care-district' }] }],
      address: [{ district: 'Bergen' }],
      partOf: { reference: 'Organization/org-4601', display: 'Bergen kommune' },
    };
    expect(orgInfo(org)).toEqual({ name: 'Hjemmetjenesten Årstad', service: 'home-care', municipality: 'Bergen' });
    expect(orgInfo({ resourceType: 'Organization', partOf: { display: 'Tromsø kommune' } })).toEqual({ municipality: 'Tromsø' });
  });

  it('takes the service from the note category first, then the unit, then the note type', () => {
    const categorised = note('a', { org: 'org-office', category: [{ coding: [{ system: CODE_SYSTEM.service, code: 'physio' }] }] });
    expect(view(categorised).service).toBe('physio');
    expect(view(note('b', { org: 'org-hc' })).service).toBe('home-care');
    expect(view(note('c', { org: 'unknown', typeCode: 'triage-note' })).service).toBe('emergency');
  });

  it('shows the author, group, unit, municipality and the sections as plain text', () => {
    const v = view(note('a', { sections: [['Årsak', 'Hoste <3 uker> & feber']] }));
    expect(v).toMatchObject({ authorName: 'Navn role-gp', authorGroup: 'gp', unitName: 'Enhet org-office', municipality: 'Bergen', typeCode: 'consultation' });
    expect(v.sections).toEqual([{ title: 'Årsak', text: 'Hoste <3 uker> & feber' }]);
  });
});

describe('the correction model', () => {
  const replaces = (id: string) => [{ code: 'replaces' as const, targetReference: { reference: `Composition/${id}` } }];

  it('keeps a replaced note as history under the signed correction', () => {
    const old = view(note('old', { date: '2026-03-01T10:00:00+01:00' }));
    const fix = view(note('fix', { status: 'amended', date: '2026-03-05T12:00:00+01:00', relatesTo: replaces('old') }));
    const other = view(note('other', { date: '2026-03-03T08:00:00+01:00' }));
    const { threads } = threadNotes([fix, other, old]);
    expect(threads.map((t) => t.current.id)).toEqual(['other', 'fix']);
    const thread = threads[1]!;
    expect(thread.history.map((h) => [h.note.id, h.replacedBy.id])).toEqual([['old', 'fix']]);
    // Ordered and filtered by when the note was first written, not by the correction.
    expect(new Date(thread.time).toISOString()).toBe('2026-03-01T09:00:00.000Z');
  });

  it('follows chains of corrections to the newest version', () => {
    const a = view(note('a', { date: '2026-03-01T10:00:00+01:00' }));
    const b = view(note('b', { status: 'amended', date: '2026-03-02T10:00:00+01:00', relatesTo: replaces('a') }));
    const c = view(note('c', { status: 'amended', date: '2026-03-03T10:00:00+01:00', relatesTo: replaces('b') }));
    const { threads } = threadNotes([a, b, c]);
    expect(threads).toHaveLength(1);
    expect(threads[0]!.current.id).toBe('c');
    expect(threads[0]!.history.map((h) => `${h.note.id}→${h.replacedBy.id}`)).toEqual(['b→c', 'a→b']);
  });

  it('lets a draft correction replace nothing until it is signed, and shows only the user’s own drafts', () => {
    const old = view(note('old'));
    const draftFix = view(note('draft-fix', { status: 'preliminary', relatesTo: replaces('old') }));
    const othersDraft = view(note('theirs', { status: 'preliminary', role: 'role-hc' }));
    const { threads, drafts } = threadNotes([old, draftFix, othersDraft], 'role-gp');
    expect(threads.map((t) => t.current.id)).toEqual(['old']);
    expect(threads[0]!.history).toEqual([]);
    expect(drafts.map((d) => d.id)).toEqual(['draft-fix']);
  });

  it('neither loops nor hides notes on a cycle of replacements, and ignores a replaced note that is not there', () => {
    const a = view(note('a', { relatesTo: replaces('b'), date: '2026-03-03T10:00:00+01:00' }));
    const b = view(note('b', { relatesTo: replaces('a'), date: '2026-03-02T10:00:00+01:00' }));
    const c = view(note('c', { relatesTo: replaces('missing'), date: '2026-03-01T10:00:00+01:00' }));
    const { threads } = threadNotes([a, b, c]);
    expect(threads.map((t) => t.current.id)).toEqual(['a', 'b', 'c']);
    expect(threads.every((t) => t.history.length === 0)).toBe(true);
  });
});

describe('filters and full-text search', () => {
  const notes: NoteView[] = [
    view(note('gp1', { date: '2026-01-10T09:00:00+01:00', sections: [['Årsak', 'Hoste og feber'], ['Plan', 'Kontroll om én uke']] })),
    view(note('hc1', { typeCode: 'home-visit-report', role: 'role-hc', org: 'org-hc', date: '2026-02-10T09:00:00+01:00', sections: [['Rapport', 'Morgenstell utført. Sår på leggen stelt.']] })),
    view(note('ed1', { typeCode: 'emergency-note', role: 'role-gp', org: 'org-ed', date: '2026-03-10T23:00:00+01:00', title: 'Brystsmerter', sections: [['Funn', 'EKG normalt']] })),
  ];
  const { threads } = threadNotes(notes);
  const ids = (f: Partial<typeof NO_FILTER>) => filterThreads(threads, { ...NO_FILTER, ...f }).map((t) => t.current.id);

  it('shows everything without filters, newest first', () => {
    expect(ids({})).toEqual(['ed1', 'hc1', 'gp1']);
  });

  it('narrows by service, author group and note type', () => {
    expect(ids({ service: 'home-care' })).toEqual(['hc1']);
    expect(ids({ group: 'gp' })).toEqual(['ed1', 'gp1']);
    expect(ids({ type: 'emergency-note' })).toEqual(['ed1']);
    expect(ids({ service: 'gp', type: 'emergency-note' })).toEqual([]);
  });

  it('narrows by period, both ends inclusive', () => {
    expect(ids({ from: '2026-02-10' })).toEqual(['ed1', 'hc1']);
    expect(ids({ to: '2026-02-10' })).toEqual(['hc1', 'gp1']);
    expect(ids({ from: '2026-02-01', to: '2026-02-28' })).toEqual(['hc1']);
  });

  it('finds every word of the search in titles, headings and text, whatever the case', () => {
    expect(ids({ text: 'feber' })).toEqual(['gp1']);
    expect(ids({ text: 'SÅR leggen' })).toEqual(['hc1']);
    expect(ids({ text: 'brystsmerter' })).toEqual(['ed1']);
    expect(ids({ text: 'plan' })).toEqual(['gp1']);
    expect(ids({ text: 'feber leggen' })).toEqual([]);
    expect(ids({ text: '   ' })).toEqual(['ed1', 'hc1', 'gp1']);
  });

  it('counts the values each filter can take', () => {
    expect(facetCounts(threads, 'group')).toEqual([
      { value: 'gp', count: 2 },
      { value: 'homecare-nurse', count: 1 },
    ]);
    expect(facetCounts(threads, 'service').map((f) => f.value)).toEqual(['emergency', 'gp', 'home-care']);
  });

  it('turns period presets into dates', () => {
    const now = new Date(2026, 10, 26, 9, 0);
    expect(periodRange('all', now)).toEqual({ from: '', to: '' });
    expect(periodRange('30d', now)).toEqual({ from: '2026-10-27', to: '' });
    expect(periodRange('12m', now)).toEqual({ from: '2025-11-26', to: '' });
    expect(periodRange('custom', now)).toBeUndefined();
  });
});

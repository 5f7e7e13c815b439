// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, Resource } from 'fhir/r4';
import { FhirRepository } from './repository';
import { FhirServerError } from './errors';
import { allFixtureResources } from './test-fixtures';
import { IDENTIFIER } from '../../src/domain/codeSystems';
import { normalizeText, words } from './search';

const BASE = 'http://mock.test/fhir';
let repo: FhirRepository;

beforeAll(() => {
  repo = new FhirRepository({ clock: () => new Date('2026-11-26T08:00:00Z') });
  repo.loadAll(allFixtureResources());
});

function search(type: string, query: string | Record<string, string> | [string, string][]): Bundle {
  return repo.search(type, new URLSearchParams(query), BASE);
}

function ids(bundle: Bundle): string[] {
  return (bundle.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource?.id ?? '');
}

function searchError(type: string, query: string): FhirServerError {
  try {
    search(type, query);
  } catch (error) {
    if (error instanceof FhirServerError) return error;
    throw error;
  }
  throw new Error(`expected ${type}?${query} to fail`);
}

describe('string search', () => {
  it('normalises case and accents but keeps æ, ø and å as letters', () => {
    expect(normalizeText('ÅSE Ærlig José')).toBe('åse ærlig jose');
    expect(words('Berg-Nordmann, Anne-Marie')).toEqual(['berg', 'nordmann', 'anne', 'marie']);
  });

  it('matches every word as a prefix of some name part (extension)', () => {
    expect(ids(search('Patient', 'name=ola nor'))).toEqual(['p-ola']);
    expect(ids(search('Patient', 'name=nor ola'))).toEqual(['p-ola']);
    expect(ids(search('Patient', 'name=ola xyz'))).toEqual([]);
    expect(ids(search('Patient', 'name=nordmann')).sort()).toEqual(['p-anne', 'p-ola']);
  });

  it('is case-insensitive for æ, ø and å, and "o" does not find "ø"', () => {
    expect(ids(search('Patient', 'name=ØVRE'))).toEqual(['p-kari']);
    expect(ids(search('Patient', 'name=øvrebø'))).toEqual(['p-kari']);
    expect(ids(search('Patient', 'family=ovrebo'))).toEqual([]);
    expect(ids(search('Patient', 'given=åse'))).toEqual(['p-ase']);
    expect(ids(search('Patient', 'given=ÅSE'))).toEqual(['p-ase']);
    expect(ids(search('Patient', 'given=ase'))).toEqual([]);
    expect(ids(search('Patient', 'family=æ'))).toEqual(['p-ase']);
    expect(ids(search('Patient', 'family=o')).sort()).toEqual(['p-per']);
    expect(ids(search('Patient', 'family=ø')).sort()).toEqual(['p-jose', 'p-kari']);
  });

  it('ignores combining accents: jose finds José', () => {
    expect(ids(search('Patient', 'given=jose'))).toEqual(['p-jose']);
  });

  it('supports :exact and :contains', () => {
    expect(ids(search('Patient', 'family:exact=Nordmann'))).toEqual(['p-ola']);
    expect(ids(search('Patient', 'family:exact=nordmann'))).toEqual([]);
    expect(ids(search('Patient', 'family:contains=rdman')).sort()).toEqual(['p-anne', 'p-ola']);
  });

  it('searches address parts', () => {
    expect(ids(search('Patient', 'address-city=oslo'))).toEqual(['p-ase']);
  });
});

describe('token search', () => {
  it('finds identifiers with and without system', () => {
    expect(ids(search('Patient', 'identifier=17858012345'))).toEqual(['p-ola']);
    expect(ids(search('Patient', `identifier=${IDENTIFIER.fnr}|17858012345`))).toEqual(['p-ola']);
    expect(ids(search('Patient', `identifier=${IDENTIFIER.dnr}|17858012345`))).toEqual([]);
    expect(ids(search('Patient', `identifier=${IDENTIFIER.temporary}|`))).toEqual(['p-anne']);
    expect(ids(search('Patient', 'identifier=|17858012345'))).toEqual([]);
  });

  it('matches codes in CodeableConcepts, system|code, |code and :not', () => {
    expect(ids(search('Condition', 'code=T90'))).toEqual(['c-1']);
    expect(ids(search('Condition', 'code=http://hl7.org/fhir/sid/icpc-2|T90'))).toEqual(['c-1']);
    expect(ids(search('Condition', 'code=http://hl7.org/fhir/sid/icpc-2|'))).toEqual(['c-1', 'c-2']);
    expect(ids(search('Condition', 'code=|T90'))).toEqual([]);
    expect(ids(search('Condition', 'clinical-status=active'))).toEqual(['c-1', 'c-3']);
    expect(ids(search('Condition', 'clinical-status:not=active'))).toEqual(['c-2']);
    expect(ids(search('Patient', 'gender=female&name=kari'))).toEqual(['p-kari']);
    expect(ids(search('AllergyIntolerance', 'category=medication&criticality=high'))).toEqual(['a-1']);
  });

  it('supports :text and booleans', () => {
    expect(ids(search('Condition', 'code:text=diabetes'))).toEqual(['c-1']);
    expect(ids(search('Patient', 'deceased=true'))).toEqual(['p-jose']);
    expect(ids(search('Patient', 'phone=90000001'))).toEqual(['p-ola']);
  });

  it('supports _id and _tag', () => {
    expect(ids(search('Patient', '_id=p-ola,p-kari'))).toEqual(['p-ola', 'p-kari']);
    expect(ids(search('Observation', '_tag=urn:akson:codesystem:review-status|unreviewed'))).toEqual(['o-1']);
  });

  it('comma is OR, repeated parameter is AND', () => {
    expect(ids(search('Condition', 'code=T90,I10'))).toEqual(['c-1', 'c-3']);
    expect(ids(search('Condition', [['code', 'T90,I10'], ['code', 'T90']]))).toEqual(['c-1']);
    expect(ids(search('Condition', [['code', 'T90'], ['code', 'I10']]))).toEqual([]);
  });

  it('supports :missing', () => {
    expect(ids(search('Observation', 'category:missing=true'))).toEqual(['o-3', 'o-4']);
    expect(ids(search('Observation', 'category:missing=false'))).toEqual(['o-1', 'o-2']);
  });
});

describe('reference search', () => {
  it('accepts Type/id, a bare id and an absolute URL', () => {
    expect(ids(search('Condition', 'patient=p-ola'))).toEqual(['c-1', 'c-2']);
    expect(ids(search('Condition', 'patient=Patient/p-ola'))).toEqual(['c-1', 'c-2']);
    expect(ids(search('Condition', 'subject=Patient/p-kari'))).toEqual(['c-3']);
    expect(ids(search('Condition', 'subject=p-kari'))).toEqual(['c-3']);
    expect(ids(search('Condition', 'subject:Patient=p-kari'))).toEqual(['c-3']);
    expect(ids(search('Condition', `subject=${BASE}/Patient/p-kari`))).toEqual(['c-3']);
    expect(ids(search('Condition', 'patient=p-ola,p-kari'))).toEqual(['c-1', 'c-2', 'c-3']);
  });

  it('finds appointments by patient and by practitioner role', () => {
    expect(ids(search('Appointment', 'patient=p-ola'))).toEqual(['ap-1']);
    expect(ids(search('Appointment', 'actor=PractitionerRole/role-gp'))).toEqual(['ap-1', 'ap-2']);
    expect(ids(search('Appointment', 'practitioner=pr-gp'))).toEqual(['ap-1']);
    expect(ids(search('Patient', 'general-practitioner=PractitionerRole/role-nurse'))).toEqual(['p-per']);
  });

  it('supports one level of chaining', () => {
    expect(ids(search('Condition', 'subject:Patient.name=kari'))).toEqual(['c-3']);
    expect(ids(search('Condition', 'patient.identifier=17858012345'))).toEqual(['c-1', 'c-2']);
    expect(ids(search('Organization', 'partof.name=bergen'))).toEqual(['org-oslo']);
  });

  it('includes and revincludes', () => {
    const bundle = search('PractitionerRole', '_id=role-gp&_include=PractitionerRole:practitioner&_include=PractitionerRole:organization');
    expect(bundle.entry?.map((e) => `${e.resource?.resourceType}/${e.resource?.id}:${e.search?.mode}`)).toEqual([
      'PractitionerRole/role-gp:match',
      'Practitioner/pr-gp:include',
      'Organization/org-bergen:include',
    ]);
    expect(bundle.total).toBe(1);
    const rev = search('Patient', '_id=p-ola&_revinclude=Flag:patient');
    expect(rev.entry?.map((e) => e.resource?.id)).toEqual(['p-ola', 'f-1']);
  });
});

describe('date search', () => {
  it('takes the precision from the value and reads dates in Europe/Oslo', () => {
    // 00:30 Oslo time on the 26th is 23:30 UTC on the 25th.
    expect(ids(search('Observation', 'date=2026-11-26'))).toEqual(['o-1']);
    expect(ids(search('Observation', 'date=2026-11-25'))).toEqual(['o-2']);
    expect(ids(search('Observation', 'date=2026-11')).sort()).toEqual(['o-1', 'o-2']);
    expect(ids(search('Observation', 'date=2026')).sort()).toEqual(['o-1', 'o-2', 'o-3']);
    expect(ids(search('Observation', 'date=2026-11-26T00:30:00+01:00'))).toEqual(['o-1']);
    expect(ids(search('Observation', 'date=2026-11-25T23:30:00Z'))).toEqual(['o-1']);
  });

  it('supports the prefixes', () => {
    // o-4 is an open-ended period that started on the 20th: it reaches into the 26th and beyond.
    expect(ids(search('Observation', 'date=ge2026-11-26'))).toEqual(['o-1', 'o-4']);
    expect(ids(search('Observation', 'date=gt2026-11-25')).sort()).toEqual(['o-1', 'o-4']);
    expect(ids(search('Observation', 'date=lt2026-11-26')).sort()).toEqual(['o-2', 'o-3', 'o-4']);
    expect(ids(search('Observation', 'date=le2026-11-25')).sort()).toEqual(['o-2', 'o-3', 'o-4']);
    expect(ids(search('Observation', 'date=ne2026-11-26')).sort()).toEqual(['o-2', 'o-3', 'o-4']);
    expect(ids(search('Observation', 'date=sa2026-11-25'))).toEqual(['o-1']);
    expect(ids(search('Observation', 'date=eb2026-11-01'))).toEqual(['o-3']);
    expect(ids(search('Observation', [['date', 'ge2026-11-01'], ['date', 'lt2026-11-26']])).sort()).toEqual(['o-2', 'o-4']);
  });

  it('handles Periods, open-ended ones included', () => {
    expect(ids(search('Condition', 'onset-date=2024-02-10'))).toEqual([]);
    expect(ids(search('Condition', 'onset-date=2024-02'))).toEqual(['c-2']);
    expect(ids(search('Condition', 'onset-date=ap2024-02-10'))).toEqual(['c-2']);
    expect(ids(search('MedicationStatement', 'effective=ge2026-01-01'))).toEqual(['m-1']);
    expect(ids(search('Encounter', 'date=2026-11-01'))).toEqual(['e-1']);
  });

  it('accepts an unencoded + in the zone (arrives as a space)', () => {
    expect(ids(search('Observation', 'date=2026-11-26T00:30:00+01:00'))).toEqual(['o-1']);
  });

  it('rejects invalid dates with 400', () => {
    const error = searchError('Observation', 'date=yesterday');
    expect(error.status).toBe(400);
    expect(error.issues[0]?.diagnostics).toMatch(/not a valid date/);
  });
});

describe('number and quantity', () => {
  it('compares quantities', () => {
    expect(ids(search('Observation', 'value-quantity=gt5'))).toEqual(['o-1', 'o-2']);
    expect(ids(search('Observation', 'value-quantity=5.4'))).toEqual(['o-2']);
    expect(ids(search('Observation', 'value-quantity=lt100||/min'))).toEqual(['o-1']);
  });
});

describe('paging, sorting and counting', () => {
  it('pages with _count and _offset; following next gives the next page without overlap', () => {
    const seen = new Set<string>();
    let bundle = search('Patient', 'family=testesen&_count=50');
    expect(bundle.total).toBe(120);
    let pages = 0;
    for (;;) {
      pages++;
      for (const id of ids(bundle)) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
      const next = bundle.link?.find((l) => l.relation === 'next')?.url;
      if (!next) break;
      expect(next.startsWith(`${BASE}/Patient?`)).toBe(true);
      const url = new URL(next);
      bundle = repo.search('Patient', url.searchParams, BASE);
      expect(bundle.link?.find((l) => l.relation === 'previous')).toBeDefined();
    }
    expect(pages).toBe(3);
    expect(seen.size).toBe(120);
  });

  it('defaults to 50 and caps _count at 1000', () => {
    expect(ids(search('Patient', '')).length).toBe(50);
    expect(ids(search('Patient', '_count=5000')).length).toBe(126);
    expect(search('Patient', '_count=0').entry).toBeUndefined();
    expect(search('Patient', '_count=0').total).toBe(126);
  });

  it('sorts ascending and descending, by several keys, Norwegian letters last', () => {
    expect(ids(search('Patient', 'birthdate=lt2000&_sort=birthdate'))).toEqual(['p-ase', 'p-jose', 'p-kari', 'p-ola', 'p-anne']);
    expect(ids(search('Patient', 'birthdate=lt2000&_sort=-birthdate'))).toEqual(['p-anne', 'p-ola', 'p-kari', 'p-jose', 'p-ase']);
    expect(ids(search('Patient', '_id=p-ola,p-kari,p-ase,p-jose,p-anne,p-per&_sort=family,given'))).toEqual(['p-anne', 'p-ola', 'p-per', 'p-ase', 'p-jose', 'p-kari']);
    expect(ids(search('Observation', 'patient=p-ola&_sort=-date'))).toEqual(['o-1', 'o-2', 'o-4']);
  });

  it('_summary=count gives the total only', () => {
    const bundle = search('Patient', '_summary=count');
    expect(bundle.total).toBe(126);
    expect(bundle.entry).toBeUndefined();
  });

  it('ignores _format, _pretty and _total', () => {
    expect(ids(search('Patient', '_id=p-ola&_format=json&_pretty=true&_total=accurate'))).toEqual(['p-ola']);
  });

  it('_elements returns only the named elements of each match (with id, meta and the SUBSETTED tag); choice elements by their base name', () => {
    const record = (b: Bundle, mode = 'match') => b.entry?.find((e) => e.search?.mode === mode)?.resource as unknown as Record<string, unknown> | undefined;
    const whole = record(search('Patient', '_id=p-ola'))!;
    expect(whole.gender).toBeDefined();
    const bundle = search('Patient', '_id=p-ola&_elements=name,birthDate,deceased');
    const subset = record(bundle)!;
    expect(Object.keys(subset).sort()).toEqual(['birthDate', 'id', 'meta', 'name', 'resourceType', ...Object.keys(whole).filter((k) => k.startsWith('deceased'))].sort());
    expect(subset.name).toEqual(whole.name);
    expect((subset.meta as Resource['meta'])?.tag).toContainEqual(expect.objectContaining({ code: 'SUBSETTED' }));
    // The stored resource is untouched.
    expect(record(search('Patient', '_id=p-ola'))!.gender).toBe(whole.gender);
    // Two parameters add up; searching, sorting and total are unchanged.
    const two = search('Patient', [['_id', 'p-ola,p-kari'], ['_elements', 'name'], ['_elements', 'gender'], ['_sort', 'family']]);
    expect(two.total).toBe(2);
    expect(ids(two)).toEqual(ids(search('Patient', '_id=p-ola,p-kari&_sort=family')));
    expect(Object.keys(two.entry?.[0]?.resource ?? {}).sort()).toEqual(['gender', 'id', 'meta', 'name', 'resourceType']);
  });

  it('_elements keeps a choice element whole and leaves included resources whole', () => {
    const bundle = search('Observation', '_id=o-1&_elements=subject,effective&_include=Observation:patient');
    const record = (mode: string) => bundle.entry?.find((e) => e.search?.mode === mode)?.resource as unknown as Record<string, unknown> | undefined;
    const match = record('match')!;
    expect(Object.keys(match).filter((k) => !['id', 'meta', 'resourceType'].includes(k)).sort()).toEqual(expect.arrayContaining(['subject']));
    expect(Object.keys(match).some((k) => k.startsWith('effective'))).toBe(true);
    expect(match.code).toBeUndefined();
    const included = record('include');
    expect(included?.resourceType).toBe('Patient');
    expect(included?.name).toBeDefined();
  });

  it('_elements rejects what is not an element name', () => {
    expect(searchError('Patient', '_elements=Patient.name').status).toBe(400);
  });
});

describe('errors', () => {
  it('rejects an unknown parameter with 400 and names it', () => {
    const error = searchError('Patient', 'nme=ola');
    expect(error.status).toBe(400);
    expect(error.issues[0]?.code).toBe('not-supported');
    expect(error.issues[0]?.diagnostics).toContain("'nme'");
  });

  it('rejects unknown modifiers, bad _count and unknown _sort', () => {
    expect(searchError('Patient', 'name:fuzzy=ola').status).toBe(400);
    expect(searchError('Patient', '_count=many').status).toBe(400);
    expect(searchError('Patient', '_sort=shoe-size').status).toBe(400);
    expect(searchError('Patient', '_has:Observation:patient:code=1').status).toBe(400);
  });
});

describe('performance on fixtures', () => {
  it('returns stored objects (no copies)', () => {
    const a = search('Patient', '_id=p-ola').entry?.[0]?.resource as Resource;
    expect(a).toBe(repo.read('Patient', 'p-ola'));
  });
});

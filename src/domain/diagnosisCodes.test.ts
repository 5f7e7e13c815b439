// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CHRONIC, ACUTE, HOSPITAL_DX } from '../../mocks/seed/conditions';
import { CODE_SYSTEM } from './codeSystems';
import { DIAGNOSIS_CODES, diagnosisSystemOfUri, findDiagnosisCode, foldText, normalizeCode, searchDiagnosisCodes } from './diagnosisCodes';

const codes = (results: { code: string }[]) => results.map((r) => r.code);

describe('the bundled diagnosis codes', () => {
  it('hold a few hundred codes, each once, in the format of their classification', () => {
    expect(DIAGNOSIS_CODES.length).toBeGreaterThan(300);
    const keys = DIAGNOSIS_CODES.map((c) => `${c.system}|${c.code}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of DIAGNOSIS_CODES) {
      // ICPC-2: chapter letter + two digits (Norwegian extensions add a fourth digit, e.g. R991).
      if (c.system === 'icpc2') expect(c.code).toMatch(/^[ABDFHKLNPRSTUWXYZ]\d{2}\d?$/);
      // ICD-10 as in Volven: no dot.
      else expect(c.code).toMatch(/^[A-Z]\d{2}\d?$/);
      expect(c.text.trim()).toBe(c.text);
      expect(c.text.length).toBeGreaterThan(2);
    }
  });

  it('use the published Norwegian texts', () => {
    expect(findDiagnosisCode('icpc2', 'T90')?.text).toBe('Diabetes type 2');
    expect(findDiagnosisCode('icpc2', 'K86')?.text).toBe('Hypertensjon ukomplisert');
    expect(findDiagnosisCode('icpc2', 'R74')?.text).toBe('Akutt øvre luftveisinfeksjon');
    expect(findDiagnosisCode('icpc2', 'P76')?.text).toBe('Depressiv lidelse');
    expect(findDiagnosisCode('icd10', 'E11')?.text).toBe('Diabetes mellitus type 2');
    expect(findDiagnosisCode('icd10', 'E119')?.text).toBe('Diabetes mellitus type 2 uten komplikasjon');
    expect(findDiagnosisCode('icd10', 'I219')?.text).toBe('Uspesifisert akutt hjerteinfarkt');
    expect(findDiagnosisCode('icd10', 'I10')?.text).toBe('Essensiell hypertensjon');
  });

  it('include every code the synthetic data uses, in the right classification', () => {
    const seeded = [...CHRONIC, ...ACUTE, ...HOSPITAL_DX].map((d) => d.code.coding?.[0]);
    expect(seeded.length).toBeGreaterThan(40);
    for (const coding of seeded) {
      const system = diagnosisSystemOfUri(coding?.system);
      expect(system, `${coding?.system}|${coding?.code}`).toBeDefined();
      expect(findDiagnosisCode(system!, coding!.code!), `${coding?.code} missing`).toBeDefined();
    }
  });

  it('maps classifications to their FHIR systems and back', () => {
    expect(diagnosisSystemOfUri(CODE_SYSTEM.icpc2)).toBe('icpc2');
    expect(diagnosisSystemOfUri(CODE_SYSTEM.icd10)).toBe('icd10');
    expect(diagnosisSystemOfUri('http://snomed.info/sct')).toBeUndefined();
  });
});

describe('normalising and folding', () => {
  it('writes codes without dots and spaces, upper case', () => {
    expect(normalizeCode(' i21.9 ')).toBe('I219');
    expect(findDiagnosisCode('icd10', 'i21.9')?.code).toBe('I219');
  });

  it('folds case, accents and the Norwegian letters', () => {
    expect(foldText('Øvre ÆRE på Å')).toBe('ovre aere pa a');
    expect(foldText('Diaré')).toBe('diare');
  });
});

describe('searching codes', () => {
  it('lists codes by prefix when the query looks like a code', () => {
    expect(codes(searchDiagnosisCodes('K8'))).toEqual(['K80', 'K81', 'K83', 'K84', 'K85', 'K86', 'K87', 'K88', 'K89', 'K802', 'K810']);
    expect(codes(searchDiagnosisCodes('t90'))).toEqual(['T90']);
    expect(codes(searchDiagnosisCodes('I21.9'))).toEqual(['I219']);
    // Shorter codes first: the category before its subdivisions.
    expect(codes(searchDiagnosisCodes('E11'))).toEqual(['E11', 'E112', 'E113', 'E114', 'E115', 'E119']);
  });

  it('finds codes by words in the text, whatever the case', () => {
    const results = searchDiagnosisCodes('DIABETES type 2');
    expect(codes(results)).toEqual(['T90', 'E11', 'E112', 'E113', 'E114', 'E115', 'E119']);
    expect(codes(searchDiagnosisCodes('hypertensjon')).slice(0, 2)).toEqual(['K86', 'K87']);
  });

  it('ranks a word at the start of the text above one inside a compound', () => {
    const results = codes(searchDiagnosisCodes('artrose'));
    expect(results[0]).toBe('L91'); // "Artrose IKA"
    expect(results).toContain('L90'); // "Kneleddsartrose"
    expect(results.indexOf('L91')).toBeLessThan(results.indexOf('L90'));
  });

  it('does not care about æ, ø and å', () => {
    expect(codes(searchDiagnosisCodes('ovre luftvei'))).toContain('R74');
    expect(codes(searchDiagnosisCodes('øvre luftvei'))).toContain('R74');
    expect(codes(searchDiagnosisCodes('areknuter'))).toEqual(['K95', 'I839']);
    expect(codes(searchDiagnosisCodes('diare'))).toContain('D11');
  });

  it('needs every word to match', () => {
    expect(codes(searchDiagnosisCodes('astma allergisk'))).toEqual(['J450']);
    expect(searchDiagnosisCodes('astma xyzzy')).toEqual([]);
    expect(searchDiagnosisCodes('   ')).toEqual([]);
  });

  it('can be limited to one classification and a number of results', () => {
    expect(codes(searchDiagnosisCodes('astma', { system: 'icpc2' }))).toEqual(['R96']);
    expect(codes(searchDiagnosisCodes('astma', { system: 'icd10' }))).toEqual(['J450', 'J459', 'J46']);
    expect(searchDiagnosisCodes('i', { limit: 3 })).toHaveLength(3);
  });

  it('is fast enough to run on every keystroke', () => {
    const queries = ['d', 'di', 'dia', 'diab', 'diabetes', 'hjerte', 'K8', 'smerte', 'brudd i', 'øvre'];
    const start = performance.now();
    for (let i = 0; i < 50; i++) for (const q of queries) searchDiagnosisCodes(q);
    // 500 searches over the whole table: on average far below a frame (16 ms) per keystroke,
    // with room for a busy test machine.
    expect((performance.now() - start) / 500).toBeLessThan(5);
  });
});

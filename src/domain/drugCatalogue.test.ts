// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MEDS } from '../../mocks/seed/terminology';
import { CODE_SYSTEM } from './codeSystems';
import { DOSE_UNITS, DRUG_CATALOGUE, doseUnitOfUcum, drugById, findDrug, productText, searchDrugs, strengthsOf } from './drugCatalogue';

describe('the drug catalogue', () => {
  it('holds every medicine the synthetic journal uses, with the same ATC code and product text', () => {
    const seed = Object.values(MEDS);
    expect(seed.length).toBeGreaterThan(30);
    for (const med of seed) {
      const coding = med.concept.coding?.find((c) => c.system === CODE_SYSTEM.atc);
      const drug = findDrug(coding?.code, med.concept.text);
      expect(drug, med.key).toBeDefined();
      expect(drug && productText(drug), med.key).toBe(med.concept.text);
      // The seed's dose unit is the catalogue product's unit.
      const unit = med.dosage[0]?.doseAndRate?.[0]?.doseQuantity?.code ?? med.dosage[0]?.doseAndRate?.[0]?.doseRange?.low?.code;
      expect(drug && DOSE_UNITS[drug.unit].ucum, med.key).toBe(unit);
    }
  });

  it('has the right ATC codes for well-known medicines (WHO ATC index)', () => {
    const atcOf = (name: string) => new Set(DRUG_CATALOGUE.filter((d) => d.name === name).map((d) => d.atc));
    expect(atcOf('Metformin')).toEqual(new Set(['A10BA02']));
    expect(atcOf('Amlodipin')).toEqual(new Set(['C08CA01']));
    expect(atcOf('Paracetamol')).toEqual(new Set(['N02BE01']));
    expect(atcOf('Ramipril')).toEqual(new Set(['C09AA05']));
    expect(atcOf('Atorvastatin')).toEqual(new Set(['C10AA05']));
    expect(atcOf('Apixaban')).toEqual(new Set(['B01AF02']));
    expect(atcOf('Levotyroksin')).toEqual(new Set(['H03AA01']));
    expect(atcOf('Fenoksymetylpenicillin')).toEqual(new Set(['J01CE02']));
    expect(atcOf('Omeprazol')).toEqual(new Set(['A02BC01']));
    expect(atcOf('Salbutamol')).toEqual(new Set(['R03AC02']));
  });

  it('has unique ids, well-formed ATC codes (level 4 or 5) and one product text per id', () => {
    const ids = DRUG_CATALOGUE.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    const texts = DRUG_CATALOGUE.map(productText);
    expect(new Set(texts).size).toBe(texts.length);
    for (const d of DRUG_CATALOGUE) expect(d.atc, d.id).toMatch(/^[A-Z]\d\d[A-Z][A-Z](\d\d)?$/);
    // A substance has one ATC code whatever the strength.
    const atcByName = new Map<string, string>();
    for (const d of DRUG_CATALOGUE) {
      const key = `${d.name}|${d.route}`;
      expect(atcByName.get(key) ?? d.atc, d.id).toBe(d.atc);
      atcByName.set(key, d.atc);
    }
  });

  it('finds products by name, strength or the beginning of the ATC code', () => {
    expect(searchDrugs('metf').map(productText)).toEqual(['Metformin 500 mg tablett', 'Metformin 850 mg tablett', 'Metformin 1000 mg tablett']);
    expect(searchDrugs('metformin 850').map((d) => d.id)).toEqual(['metformin-850']);
    expect(searchDrugs('A10BA02').map((d) => d.name)).toEqual(['Metformin', 'Metformin', 'Metformin']);
    const statins = searchDrugs('c10aa');
    expect(statins.length).toBeGreaterThan(3);
    expect(statins.every((d) => d.atc.startsWith('C10AA'))).toBe(true);
    // Names that start with the query come before names that only contain it.
    const para = searchDrugs('paracetamol');
    expect(para[0]?.name).toBe('Paracetamol');
    expect(para.map((d) => d.name)).toContain('Paracetamol/kodein');
    expect(searchDrugs('finnesikke')).toEqual([]);
    expect(searchDrugs('  ')).toHaveLength(DRUG_CATALOGUE.length);
  });

  it('lists the strengths of a substance and form, and maps units and ids back', () => {
    expect(strengthsOf(drugById('amlodipin-5')!).map((d) => d.strength)).toEqual(['5 mg', '10 mg']);
    expect(doseUnitOfUcum('{tbl}')).toBe('tablet');
    expect(doseUnitOfUcum('[iU]')).toBe('unit');
    expect(doseUnitOfUcum('nope')).toBeUndefined();
    expect(findDrug('N02BE01', 'Paracetamol 1 g tablett')?.id).toBe('paracetamol-1000');
    expect(findDrug('N02BE01', 'Paracetamol 250 mg stikkpille')?.id).toBe('paracetamol-500');
    expect(findDrug(undefined, 'x')).toBeUndefined();
  });
});

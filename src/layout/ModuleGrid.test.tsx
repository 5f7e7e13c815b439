import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { useFhirSearch } from '../fhir/hooks';
import type { Persona } from '../session/personnel';
import { renderWithProviders, bundleResponse } from '../test/render';
import { ModuleGrid, uniqueDataNeeds, usePrefetchModuleData } from './ModuleGrid';
import type { ResolvedItem } from './resolve';
import type { ModuleManifest, ModuleProps } from './types';

const persona: Persona = {
  id: 'p',
  name: 'Kari Lege',
  personnelGroup: 'gp',
  practitionerId: 'prac-1',
  practitionerRoleId: 'role-1',
  organizationId: 'org-1',
  unitName: 'Legekontoret',
  unitKind: 'gp-office',
  municipalityCode: '4601',
  municipalityName: 'Bergen',
};

const allergies = { patient: 'pat-1', 'clinical-status': 'active' };

function Allergies({ patientId }: ModuleProps) {
  const search = useFhirSearch('AllergyIntolerance', { ...allergies, patient: patientId });
  return <p>{search.data ? `Allergier: ${search.data.resources.length}` : 'laster'}</p>;
}
function AllergyCount({ patientId }: ModuleProps) {
  const search = useFhirSearch('AllergyIntolerance', { 'clinical-status': 'active', patient: patientId });
  return <p>{search.data ? `Antall: ${search.data.total}` : 'laster'}</p>;
}
function Broken(): never {
  throw new Error('module bug');
}

function manifest(id: string, component: (props: ModuleProps) => React.ReactNode): ModuleManifest {
  return {
    id,
    titleKey: id,
    descriptionKey: id,
    icon: 'x',
    groups: ['gp'],
    pages: ['patient'],
    needsPatient: true,
    tablet: true,
    offline: true,
    size: { default: { w: 6, h: 2 }, min: { w: 1, h: 1 } },
    data: ({ patientId }) => [{ type: 'AllergyIntolerance', params: { ...allergies, patient: patientId! } }],
    load: async () => ({ default: component }),
  };
}

const items: ResolvedItem[] = [
  { module: 'one', w: 6, h: 2, manifest: manifest('one', Allergies) },
  { module: 'two', w: 6, h: 2, manifest: manifest('two', AllergyCount) },
];

function Page({ list }: { list: ResolvedItem[] }) {
  usePrefetchModuleData(list, { persona, patientId: 'pat-1' });
  return <ModuleGrid items={list} patientId="pat-1" workspaceId="gp-office" device="desktop" />;
}

describe('a page of modules', () => {
  it('fetches a search two modules share only once', async () => {
    const fetchImpl = vi.fn(async () => bundleResponse([{ resourceType: 'AllergyIntolerance', id: 'a1', patient: { reference: 'Patient/pat-1' } }]));
    renderWithProviders(<Page list={items} />, { fetchImpl });
    expect(await screen.findByText('Allergier: 1')).toBeInTheDocument();
    expect(await screen.findByText('Antall: 1')).toBeInTheDocument();
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(uniqueDataNeeds(items, { persona, patientId: 'pat-1' })).toHaveLength(1);
  });

  it('shows each module under its own heading, and a crashing module does not take the page down', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const fetchImpl = vi.fn(async () => bundleResponse([]));
    renderWithProviders(<Page list={[items[0]!, { module: 'broken', w: 6, h: 2, manifest: manifest('broken', Broken) }]} />, { fetchImpl });
    expect(await screen.findByText('Allergier: 0')).toBeInTheDocument();
    expect(await screen.findByText(/Denne modulen kunne ikke vises/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'one' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'broken' })).toBeInTheDocument();
  });
});

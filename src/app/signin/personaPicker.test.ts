import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import type { Persona } from '../../session/personnel';
import { nb } from '../../i18n/nb';
import { en } from '../../i18n/en';
import { createPersonaPicker, pickerStrings } from './personaPicker';
import { lookupIn } from './shellStrings';

const NB = pickerStrings(lookupIn(nb, 'nb'));
const EN = pickerStrings(lookupIn(en, 'en'));

const persona = (id: string, name: string, personnelGroup: Persona['personnelGroup'], unitName: string, municipalityCode: string, municipalityName: string): Persona => ({
  id,
  name,
  personnelGroup,
  practitionerId: `p-${id}`,
  practitionerRoleId: `r-${id}`,
  organizationId: `o-${id}`,
  unitName,
  unitKind: 'gp-office',
  municipalityCode,
  municipalityName,
});

const PERSONAS = [
  persona('a', 'Kari Nordmann', 'gp', 'Sentrum legekontor', '4601', 'Bergen'),
  persona('b', 'Ola Hansen', 'homecare-nurse', 'Hjemmetjenesten Årstad', '4601', 'Bergen'),
  persona('c', 'Ingrid Berg', 'hs-nurse', 'Helsestasjon Midtbyen', '5001', 'Trondheim'),
];

function mount(onPick = vi.fn()) {
  const picker = createPersonaPicker(PERSONAS, NB, onPick);
  document.body.replaceChildren(picker.element);
  return { picker, onPick, list: () => screen.getByRole('list', { name: 'Brukere du kan logge inn som' }) };
}

describe('the persona picker (drawn without React)', () => {
  it('lists each person with group, unit and municipality, and signs in the one clicked', async () => {
    const { list, onPick } = mount();
    const buttons = within(list()).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Kari NordmannFastlege · Sentrum legekontor · Bergen',
      'Ola HansenSykepleier, hjemmetjenesten · Hjemmetjenesten Årstad · Bergen',
      'Ingrid BergHelsesykepleier · Helsestasjon Midtbyen · Trondheim',
    ]);
    await userEvent.click(screen.getByRole('button', { name: /Ola Hansen/ }));
    expect(onPick).toHaveBeenCalledWith(PERSONAS[1]);
  });

  it('filters on every word typed, in name, group, unit or municipality, and says when nothing matches', async () => {
    const { list } = mount();
    await userEvent.type(screen.getByLabelText('Filtrer på navn, rolle eller enhet'), 'bergen sykepleier');
    expect(within(list()).getAllByRole('button').map((b) => b.querySelector('.name')?.textContent)).toEqual(['Ola Hansen']);
    expect(screen.getByText('Ingen brukere passer til filteret.')).not.toBeVisible();
    await userEvent.type(screen.getByLabelText('Filtrer på navn, rolle eller enhet'), ' lege');
    expect(within(list()).queryAllByRole('button')).toEqual([]);
    expect(screen.getByText('Ingen brukere passer til filteret.')).toBeVisible();
  });

  it('shows one municipality at a time when asked', async () => {
    const { list } = mount();
    const group = screen.getByRole('group', { name: 'Kommune' });
    await userEvent.click(within(group).getByRole('button', { name: 'Trondheim' }));
    expect(within(group).getByRole('button', { name: 'Trondheim' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(list()).getAllByRole('button').map((b) => b.querySelector('.name')?.textContent)).toEqual(['Ingrid Berg']);
    await userEvent.click(within(group).getByRole('button', { name: 'Alle' }));
    expect(within(list()).getAllByRole('button')).toHaveLength(3);
  });

  it('changes language without losing what was typed', async () => {
    const { picker } = mount();
    await userEvent.type(screen.getByLabelText('Filtrer på navn, rolle eller enhet'), 'Kari');
    picker.setStrings(EN);
    expect(screen.getByLabelText('Filter by name, role or unit')).toHaveValue('Kari');
    const list = screen.getByRole('list', { name: 'Users you can sign in as' });
    expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual(['Kari NordmannGP · Sentrum legekontor · Bergen']);
    expect(screen.getByRole('group', { name: 'Municipality' })).toBeVisible();
  });

  it('does nothing while a sign-in is under way', async () => {
    const { picker, onPick } = mount();
    picker.setDisabled(true);
    await userEvent.click(screen.getByRole('button', { name: /Kari Nordmann/ }));
    expect(onPick).not.toHaveBeenCalled();
    picker.setDisabled(false);
    await userEvent.click(screen.getByRole('button', { name: /Kari Nordmann/ }));
    expect(onPick).toHaveBeenCalledTimes(1);
  });
});

import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { clearPatientData, onSignOut } from './session';

describe('signing out clears patient data', () => {
  it('empties the query cache, resets registered stores and removes our storage keys but the device preferences', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(['fhir', 'Patient', 'read', 'p1'], { resourceType: 'Patient', id: 'p1', name: [{ family: 'Nordmann' }] });
    localStorage.setItem('akson.preferences', '{"language":"nb"}');
    localStorage.setItem('akson.homecare.visits', '{"report":"Nordmann falt"}');
    localStorage.setItem('akson.consultation.a1', '{"text":"Nordmann"}');
    sessionStorage.setItem('akson.session', '{"persona":{}}');
    let reset = 0;
    const off = onSignOut(() => reset++);
    clearPatientData(queryClient);
    off();
    expect(queryClient.getQueryData(['fhir', 'Patient', 'read', 'p1'])).toBeUndefined();
    expect(reset).toBe(1);
    expect(localStorage.getItem('akson.preferences')).toBe('{"language":"nb"}');
    expect(localStorage.getItem('akson.homecare.visits')).toBeNull();
    expect(localStorage.getItem('akson.consultation.a1')).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });
});

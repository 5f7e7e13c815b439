import type { Bundle, DiagnosticReport, Observation, Reference, Resource } from 'fhir/r4';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { entries } from '../client';
import { useFhirClient } from '../context';
import { isFhirError, type FhirError } from '../errors';
import { fhirKeys } from '../queryKeys';
import { markSeenBundle } from './review';

export interface MarkSeenInput {
  report: DiagnosticReport;
  observations: readonly Observation[];
  reviewer: Reference;
}

/** What marking a report seen did. */
export type MarkSeenOutcome = 'saved' | 'saved-after-retry' | 'already-seen';

/**
 * Marks a report seen: one transaction that PUTs (If-Match) the report and its tagged
 * Observations without the unseen tag, and records the reviewer on the report. Removing a tag is
 * the same whoever else changed the resource meanwhile, so a 412 is answered by reading the
 * current versions and sending the change once more; if someone else marked it seen in between,
 * nothing is written. A second 412, or any other error, is the caller's to show.
 */
export function useMarkSeen() {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  return useMutation<MarkSeenOutcome, FhirError, MarkSeenInput>({
    mutationFn: async ({ report, observations, reviewer }) => {
      const send = async (r: DiagnosticReport, obs: readonly Observation[]): Promise<boolean> => {
        const bundle = markSeenBundle(r, obs, reviewer, new Date().toISOString());
        if (!bundle) return false;
        await client.request<Bundle>('POST', client.baseUrl, bundle);
        return true;
      };
      try {
        return (await send(report, observations)) ? 'saved' : 'already-seen';
      } catch (error) {
        if (!isFhirError(error) || error.kind !== 'conflict' || !report.id) throw error;
        const fresh = await client.search('DiagnosticReport', { _id: report.id, _include: 'DiagnosticReport:result' });
        const current = entries(fresh, 'DiagnosticReport')[0];
        if (!current) throw error;
        // Included resources are typed as the searched type; they are Observations.
        const currentObs = (fresh.entry ?? []).map((e): Resource | undefined => e.resource).filter((r): r is Observation => r?.resourceType === 'Observation');
        return (await send(current, currentObs)) ? 'saved-after-retry' : 'already-seen';
      }
    },
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: fhirKeys.type('DiagnosticReport') }),
        queryClient.invalidateQueries({ queryKey: fhirKeys.type('Observation') }),
      ]);
    },
  });
}

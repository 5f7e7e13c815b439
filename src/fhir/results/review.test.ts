// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { DiagnosticReport, Observation } from 'fhir/r4';
import { REVIEW_EXTENSION, REVIEW_STATUS_SYSTEM, hasUnseenTag, markSeenBundle, reviewOf, withReview, withoutUnseenTag } from './review';

const UNSEEN = { system: REVIEW_STATUS_SYSTEM, code: 'unseen', display: 'Ikke sett' };
const OTHER_TAG = { system: 'urn:other', code: 'x' };

const report: DiagnosticReport = {
  resourceType: 'DiagnosticReport',
  id: 'rep-1',
  meta: { versionId: '3', tag: [UNSEEN, OTHER_TAG] },
  status: 'final',
  code: { text: 'Nyrefunksjon' },
  result: [{ reference: 'Observation/o-1' }, { reference: 'Observation/o-2' }],
};
const tagged: Observation = { resourceType: 'Observation', id: 'o-1', meta: { versionId: '1', tag: [UNSEEN] }, status: 'final', code: { text: 'P-Kalium' } };
const clean: Observation = { resourceType: 'Observation', id: 'o-2', meta: { versionId: '2' }, status: 'final', code: { text: 'P-Natrium' } };
const reviewer = { reference: 'PractitionerRole/role-1', display: 'Harald Sørensen' };

describe('review status', () => {
  it('removes only the unseen tag, and an emptied tag list', () => {
    expect(hasUnseenTag(report)).toBe(true);
    const r = withoutUnseenTag(report);
    expect(r.meta?.tag).toEqual([OTHER_TAG]);
    expect(r.meta?.versionId).toBe('3');
    expect(hasUnseenTag(r)).toBe(false);
    expect(withoutUnseenTag(tagged).meta).toEqual({ versionId: '1' });
    // The original is not changed.
    expect(report.meta?.tag).toHaveLength(2);
  });

  it('records who saw the report and when, replacing an earlier record', () => {
    const once = withReview(report, { reference: 'PractitionerRole/old' }, '2026-11-20T10:00:00Z');
    const twice = withReview(once, reviewer, '2026-11-26T10:00:00Z');
    expect(twice.extension?.filter((e) => e.url === REVIEW_EXTENSION)).toHaveLength(1);
    expect(reviewOf(twice)).toEqual({ reviewer, time: '2026-11-26T10:00:00Z' });
    expect(reviewOf(report)).toBeUndefined();
  });

  it('builds one transaction: the report and its tagged results, each with If-Match of the version shown', () => {
    const bundle = markSeenBundle(report, [tagged, clean], reviewer, '2026-11-26T10:00:00Z')!;
    expect(bundle.type).toBe('transaction');
    expect(bundle.entry?.map((e) => [e.request?.method, e.request?.url, e.request?.ifMatch])).toEqual([
      ['PUT', 'DiagnosticReport/rep-1', 'W/"3"'],
      ['PUT', 'Observation/o-1', 'W/"1"'],
    ]);
    const [r, o] = bundle.entry!.map((e) => e.resource!);
    expect(hasUnseenTag(r!)).toBe(false);
    expect(hasUnseenTag(o!)).toBe(false);
    expect(reviewOf(r as DiagnosticReport)?.reviewer).toEqual(reviewer);
  });

  it('writes nothing when nothing is unseen any more', () => {
    expect(markSeenBundle(withoutUnseenTag(report), [clean], reviewer, '2026-11-26T10:00:00Z')).toBeNull();
  });
});

/**
 * What a device keeps of a participant's work outside the journal (drafts in localStorage: the
 * home care visit, the GP's consultation, the health station's notes; the "seen" marks of the
 * chart). A reset clears it, so the next participant starts clean; preferences, the signed-in
 * session and the kit's own store stay.
 */
const KEEP = [/^akson\.preferences$/, /^akson\.usability-kit/];

export function clearDeviceDrafts(storage: Storage = localStorage): string[] {
  const removed: string[] = [];
  for (let i = storage.length - 1; i >= 0; i--) {
    const key = storage.key(i);
    if (key && key.startsWith('akson') && !KEEP.some((k) => k.test(key))) {
      storage.removeItem(key);
      removed.push(key);
    }
  }
  return removed;
}

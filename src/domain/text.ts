/**
 * Text for matching: lower case, accents removed, and the Norwegian letters folded to what a
 * keyboard without them gives (æ → ae, ø → o, å → a), so "ovre" finds "øvre" and "Oyesykdom"
 * finds "Øyesykdom". Shared by every search that filters a list in the browser.
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** The words of a text, folded (see foldText): letters and digits, split at everything else. */
export function foldedWords(text: string): string[] {
  return foldText(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

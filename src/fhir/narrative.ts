/**
 * Plain text of a FHIR narrative (XHTML div). The journal never injects server HTML into the
 * page: it reads the text and lets React render it.
 */
export function narrativeText(div: string | undefined): string {
  if (!div) return '';
  if (typeof DOMParser !== 'undefined') {
    const doc = new DOMParser().parseFromString(div, 'text/html');
    doc.querySelectorAll('br').forEach((br) => br.replaceWith('\n'));
    doc.querySelectorAll('p, li, div > div').forEach((el) => el.append('\n'));
    return (doc.body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
  }
  return div.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Plain text as an XHTML narrative: one paragraph per line, an empty line as a line break. */
export function textToXhtml(text: string): string {
  const body = text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => (line.trim() === '' ? '<br/>' : `<p>${escapeXml(line)}</p>`))
    .join('');
  return `<div xmlns="http://www.w3.org/1999/xhtml">${body}</div>`;
}

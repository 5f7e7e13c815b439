/**
 * Stands in for `tldts` (the public suffix list, ~140 KB of data) in the mock backend's browser
 * chunk. Only tough-cookie imports it, inside Mock Service Worker's cookie store, to find a
 * cookie domain's registrable domain. The mock backend authenticates with bearer tokens and sets
 * no cookies, so an approximation (the last two labels) is enough, and the demo's first page does
 * not download and evaluate the whole list. Aliased in vite.config.ts.
 */
export function getDomain(hostname: string): string | null {
  const host = hostname.replace(/\.$/, '').toLowerCase();
  // IP addresses (v4 or v6) have no registrable domain.
  if (!host || /^[\d.]+$/.test(host) || host.includes(':')) return null;
  const labels = host.split('.');
  return labels.length >= 2 ? labels.slice(-2).join('.') : null;
}

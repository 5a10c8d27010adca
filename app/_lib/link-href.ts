const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

/**
 * A link address as typed, made usable: "example.org" becomes
 * "https://example.org", "ann@example.org" becomes "mailto:ann@example.org".
 * Only web and mail addresses are accepted (no `javascript:` and the like);
 * anything else gives null.
 */
export function normalizeLinkHref(input: string): string | null {
  const value = input.trim();
  if (!value || /\s/.test(value)) return null;
  let candidate = value;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    candidate = /^[^@/]+@[^@/]+\.[^@/]+$/.test(value) ? `mailto:${value}` : `https://${value}`;
  }
  try {
    const url = new URL(candidate);
    if (!ALLOWED.has(url.protocol)) return null;
    if (url.protocol !== 'mailto:' && !url.hostname.includes('.') && url.hostname !== 'localhost') return null;
    return candidate;
  } catch {
    return null;
  }
}

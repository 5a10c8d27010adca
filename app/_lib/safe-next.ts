/** Where people land after signing in when nothing else was asked for. */
export const DEFAULT_AFTER_SIGN_IN = '/assemblies';

/**
 * The `?next=` target if it is a same-site relative path, else the default.
 * Only a single leading "/" is accepted: "//evil.example" and "/\evil.example"
 * are read by browsers as other hosts, which would make sign-in an open redirect.
 */
export function safeNext(value: string | string[] | undefined | null, fallback = DEFAULT_AFTER_SIGN_IN): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith('/')) return fallback;
  if (candidate.startsWith('//') || candidate.startsWith('/\\')) return fallback;
  // Control characters (tabs, newlines) are stripped by URL parsers and could smuggle a "//".
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return fallback;
  return candidate;
}

/** `path` with `?next=` appended when `next` is not the default target. */
export function withNext(path: string, next: string): string {
  return next === DEFAULT_AFTER_SIGN_IN ? path : `${path}?next=${encodeURIComponent(next)}`;
}

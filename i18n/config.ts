/** Languages the interface is translated into; the first is the fallback. */
export const LOCALES = ['en', 'fr'] as const;

/** A supported interface language. */
export type Locale = (typeof LOCALES)[number];

/** The language used when nothing else is known. */
export const DEFAULT_LOCALE: Locale = 'en';

/** Cookie that keeps a person's language choice. */
export const LOCALE_COOKIE = 'plenary-locale';

/** The best supported language for a cookie value and an Accept-Language header. */
export function pickLocale(cookieValue: string | undefined, acceptLanguage: string | null): Locale {
  if (cookieValue && (LOCALES as readonly string[]).includes(cookieValue)) return cookieValue as Locale;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { code: tag.trim().slice(0, 2).toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const match = wanted.find((entry) => (LOCALES as readonly string[]).includes(entry.code));
  return (match?.code as Locale | undefined) ?? DEFAULT_LOCALE;
}

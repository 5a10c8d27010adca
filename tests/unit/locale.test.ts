import { describe, expect, it } from 'vitest';
import { pickLocale } from '../../i18n/config';

describe('pickLocale', () => {
  it('prefers the cookie, then Accept-Language, then English', () => {
    expect(pickLocale('fr', 'en-US')).toBe('fr');
    expect(pickLocale(undefined, 'de-DE,fr;q=0.8,en;q=0.5')).toBe('fr');
    expect(pickLocale('xx', null)).toBe('en');
    expect(pickLocale(undefined, 'en;q=0.3, fr;q=0.9')).toBe('fr');
    expect(pickLocale(undefined, 'fr;q=0, en')).toBe('en');
  });
});

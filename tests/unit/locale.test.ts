import { describe, expect, it } from 'vitest';
import { pickLocale } from '../../i18n/config';

describe('pickLocale', () => {
  it('prefers the cookie, then Accept-Language, then English', () => {
    expect(pickLocale('fr', 'en-US')).toBe('fr');
    expect(pickLocale(undefined, 'de-DE,fr;q=0.8,en;q=0.5')).toBe('fr');
    expect(pickLocale('xx', null)).toBe('en');
  });
});

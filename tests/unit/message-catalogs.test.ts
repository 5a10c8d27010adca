import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../i18n/config';

type Catalog = { [key: string]: string | Catalog };

function keys(catalog: Catalog, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function load(locale: string): Catalog {
  return JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8')) as Catalog;
}

describe('message catalogs', () => {
  const english = keys(load('en')).sort();

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the English keys', (locale) => {
    expect(keys(load(locale)).sort()).toEqual(english);
  });

  it.each([...LOCALES])('%s has no empty message', (locale) => {
    const catalog = load(locale);
    const empty = keys(catalog).filter((path) => {
      const value = path.split('.').reduce<string | Catalog>((node, part) => (node as Catalog)[part], catalog);
      return typeof value === 'string' && value.trim() === '';
    });
    expect(empty).toEqual([]);
  });
});

describe('refusal reasons', () => {
  it.each([...LOCALES])('%s words every refusal of core/refusals.ts', async (locale) => {
    const { REFUSALS } = await import('../../core/refusals');
    const reasons = (load(locale).errors as Catalog).reasons as Catalog;
    expect(Object.keys(reasons).sort()).toEqual(Object.keys(REFUSALS).sort());
  });
});

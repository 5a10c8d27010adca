import type { Locale } from '@/i18n/config';
import type messages from '@/messages/en.json';

// The English catalog is the reference: with it declared here, the build
// fails on any t('key') that the catalog does not contain.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}

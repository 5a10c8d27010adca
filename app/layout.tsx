import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SiteHeader } from './_components/site-header';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: t('name'), template: `%s · ${t('name')}` }, description: t('tagline') };
}

/** The frame of every page: language, messages for client components, header, main landmark. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('nav');
  const tApp = await getTranslations('app');
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <NextIntlClientProvider>
          {/* First focusable element: keyboard users skip the header in one keystroke. */}
          <a
            href="#main"
            className="sr-only z-50 rounded-md bg-stone-900 px-4 py-2 text-white focus:not-sr-only focus:absolute focus:left-4 focus:top-4"
          >
            {t('skipToContent')}
          </a>
          <SiteHeader />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-6 focus:outline-none sm:py-10">
            {children}
          </main>
          <footer className="border-t border-stone-200 py-4 text-center text-sm text-stone-600">{tApp('tagline')}</footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

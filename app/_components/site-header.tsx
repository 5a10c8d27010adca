import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { currentUser } from '@/app/_lib/current-user';
import { LanguageSwitcher } from './language-switcher';
import { NavLinks, type NavItem } from './nav-links';
import { SignOutButton } from './sign-out-button';

/** The banner of every page: product name, main navigation, session and language controls. */
export async function SiteHeader() {
  const [t, tApp, user] = await Promise.all([getTranslations('nav'), getTranslations('app'), currentUser()]);
  const items: NavItem[] = user
    ? [
        { href: '/assemblies', label: t('assemblies') },
        { href: '/account', label: t('account') },
      ]
    : [
        { href: '/sign-in', label: t('signIn') },
        { href: '/sign-up', label: t('signUp') },
      ];
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="rounded text-lg font-semibold tracking-tight text-stone-950">
          {tApp('name')}
        </Link>
        <NavLinks label={t('main')} items={items} variant="header" />
        <div className="ml-auto flex items-center gap-3">
          {user ? <SignOutButton /> : null}
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}

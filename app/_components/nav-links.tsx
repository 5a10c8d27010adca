'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** One link of a navigation bar. */
export interface NavItem {
  href: string;
  label: string;
  /** Current only on this exact path (e.g. an assembly's default tab), instead of on the path and below. */
  exact?: boolean;
}

const STYLES = {
  header: {
    list: 'flex flex-wrap items-center gap-x-4 gap-y-1',
    link: 'rounded px-1 py-1 text-sm font-medium',
    idle: 'text-stone-700 hover:text-stone-950',
    current: 'text-teal-800 underline decoration-2 underline-offset-4',
  },
  tabs: {
    list: '-mb-px flex gap-1 overflow-x-auto',
    link: 'block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium',
    idle: 'border-transparent text-stone-700 hover:border-stone-300 hover:text-stone-950',
    current: 'border-teal-700 text-teal-800',
  },
} as const;

/**
 * A labelled navigation landmark whose current link carries aria-current, so
 * that both sighted people and screen readers know where they are.
 */
export function NavLinks({ label, items, variant }: { label: string; items: NavItem[]; variant: keyof typeof STYLES }) {
  const pathname = usePathname();
  const style = STYLES[variant];
  return (
    <nav aria-label={label}>
      <ul className={style.list}>
        {items.map((item) => {
          const current = item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={`${style.link} ${current ? style.current : style.idle}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

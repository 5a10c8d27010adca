import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { RoleBadge } from '@/app/_components/badges';
import { LiveAssembly } from '@/app/_components/live-assembly';
import { NavLinks, type NavItem } from '@/app/_components/nav-links';
import { loadAssembly } from '@/app/_lib/assembly-data';
import { currentUser } from '@/app/_lib/current-user';
import { ui } from '@/app/_lib/styles';
import { can } from '@/core/roles';

type Props = { children: ReactNode; params: Promise<{ assemblyId: string }> };

/**
 * An assembly's frame: its name, the member's role, and the tabs of its sections.
 * Live: others' changes re-render it and the page inside, and a membership that
 * ends replaces both with a notice.
 */
export default async function AssemblyLayout({ children, params }: Props) {
  const { assemblyId } = await params;
  const user = await currentUser();
  // Signed out: each page redirects to sign-in with its own path, so that sign-in returns to the right tab.
  if (!user) return children;
  const [assembly, t, td] = await Promise.all([
    loadAssembly(user.id, assemblyId),
    getTranslations('assembly'),
    getTranslations('decisionSettings'),
  ]);
  const base = `/assemblies/${assembly.id}`;
  const tabs: NavItem[] = [
    { href: base, label: t('nav.proposals'), exact: true },
    { href: `${base}/members`, label: t('nav.members') },
    // Observers may not invite, and the server refuses them the list too.
    ...(can(assembly.myRole, 'invite') ? [{ href: `${base}/invitations`, label: t('nav.invitations') }] : []),
    { href: `${base}/log`, label: t('nav.log') },
    // Everyone reads how the assembly decides; stewards change it there.
    { href: `${base}/decision-settings`, label: td('nav') },
  ];
  return (
    <LiveAssembly assemblyId={assembly.id} assemblyName={assembly.name} userId={user.id}>
      <div className="space-y-6">
        <div className="space-y-2">
          <h1 className={`${ui.pageTitle} break-words`}>{assembly.name}</h1>
          {assembly.description ? <p className="max-w-2xl whitespace-pre-line text-stone-700">{assembly.description}</p> : null}
          <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
            <span>{t('yourRole')}</span>
            <RoleBadge role={assembly.myRole} />
            <span aria-hidden="true">·</span>
            <span>{t('memberCount', { count: assembly.memberCount })}</span>
          </p>
        </div>
        <div className="border-b border-stone-200">
          <NavLinks label={t('nav.label')} items={tabs} variant="tabs" />
        </div>
        <div>{children}</div>
      </div>
    </LiveAssembly>
  );
}

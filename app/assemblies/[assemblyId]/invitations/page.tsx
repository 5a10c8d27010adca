import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CreateInvitationForm } from '@/app/_components/create-invitation-form';
import { InvitationList } from '@/app/_components/invitation-list';
import { loadAssembly } from '@/app/_lib/assembly-data';
import { database, requireUser } from '@/app/_lib/current-user';
import { orNotFound } from '@/app/_lib/or-not-found';
import { ui } from '@/app/_lib/styles';
import { can, canInviteAs, type Role } from '@/core/roles';
import { listInvitations } from '@/server/services/list-invitations';

/** The roles in the order the select offers them: the usual choice first. */
const INVITABLE_ORDER: Role[] = ['member', 'observer', 'steward'];

type Props = { params: Promise<{ assemblyId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('invitations');
  return { title: t('title') };
}

/** Invitation links: create one (shown once), see who invited whom, revoke. Not for observers. */
export default async function InvitationsPage({ params }: Props) {
  const { assemblyId } = await params;
  const user = await requireUser(`/assemblies/${assemblyId}/invitations`);
  const assembly = await loadAssembly(user.id, assemblyId);
  const t = await getTranslations('invitations');
  if (!can(assembly.myRole, 'invite')) {
    return <p className={`${ui.card} text-stone-700`}>{t('observersCannot')}</p>;
  }
  const invitations = await orNotFound(listInvitations(await database(), user.id, assembly.id));
  // The roles this member may hand out, from the same rule the server applies.
  const roles = INVITABLE_ORDER.filter((role) => canInviteAs(assembly.myRole, role));
  return (
    <div className="space-y-8">
      <section aria-labelledby="create-invitation-title" className={`${ui.card} max-w-xl`}>
        <h2 id="create-invitation-title" className={`${ui.sectionTitle} mb-4`}>
          {t('create.title')}
        </h2>
        <CreateInvitationForm assemblyId={assembly.id} roles={roles} />
      </section>
      <section aria-labelledby="invitations-title" className="space-y-4">
        <h2 id="invitations-title" className={ui.sectionTitle}>
          {t('title')}
        </h2>
        <InvitationList
          assemblyId={assembly.id}
          invitations={invitations}
          viewer={{ id: user.id, mayRevokeAny: can(assembly.myRole, 'revoke-any-invitation') }}
        />
      </section>
    </div>
  );
}

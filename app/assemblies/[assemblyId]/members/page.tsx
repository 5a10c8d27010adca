import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { RoleBadge } from '@/app/_components/badges';
import { LeaveAssemblyButton } from '@/app/_components/leave-assembly-button';
import { MembersLiveStatus } from '@/app/_components/live-hints';
import { MemberRoleSelect } from '@/app/_components/member-role-select';
import { RemoveMemberButton } from '@/app/_components/remove-member-button';
import { loadAssembly } from '@/app/_lib/assembly-data';
import { database, requireUser } from '@/app/_lib/current-user';
import { orNotFound } from '@/app/_lib/or-not-found';
import { ui } from '@/app/_lib/styles';
import { can } from '@/core/roles';
import { listMembers } from '@/server/services/list-members';

type Props = { params: Promise<{ assemblyId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('members');
  return { title: t('title') };
}

/** Who belongs to the assembly; stewards manage roles and removals here, and anyone can leave. */
export default async function MembersPage({ params }: Props) {
  const { assemblyId } = await params;
  const user = await requireUser(`/assemblies/${assemblyId}/members`);
  const assembly = await loadAssembly(user.id, assemblyId);
  const [t, format, members] = await Promise.all([
    getTranslations('members'),
    getFormatter(),
    orNotFound(listMembers(await database(), user.id, assembly.id)),
  ]);
  const steward = can(assembly.myRole, 'change-role');
  return (
    <div className="space-y-8">
      <section aria-labelledby="members-title" className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h2 id="members-title" className={ui.sectionTitle}>
            {t('title')}
          </h2>
          <MembersLiveStatus
            assemblyId={assembly.id}
            userId={user.id}
            names={Object.fromEntries(members.map((member) => [member.userId, member.name]))}
          />
        </div>
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {members.map((member) => {
            const isMe = member.userId === user.id;
            return (
              <li key={member.userId} className="flex flex-wrap items-start justify-between gap-3 p-4">
                <div className="min-w-0">
                  <p className="font-medium break-words text-stone-900">
                    {member.name} {isMe ? <span className="font-normal text-stone-600">{t('you')}</span> : null}
                  </p>
                  {/* The server shares email addresses with stewards only. */}
                  {member.email ? <p className="text-sm break-all text-stone-600">{member.email}</p> : null}
                  <p className="text-sm text-stone-600">
                    {t('joined')}{' '}
                    <time dateTime={member.joinedAt}>{format.dateTime(new Date(member.joinedAt), { dateStyle: 'medium' })}</time>
                  </p>
                </div>
                <div className="flex flex-wrap items-start gap-2">
                  {steward ? (
                    <MemberRoleSelect
                      key={`${member.userId}-${member.role}`}
                      assemblyId={assembly.id}
                      userId={member.userId}
                      name={member.name}
                      role={member.role}
                    />
                  ) : (
                    <RoleBadge role={member.role} />
                  )}
                  {steward && !isMe ? (
                    <RemoveMemberButton assemblyId={assembly.id} userId={member.userId} name={member.name} />
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="leave-title" className={`${ui.card} max-w-xl space-y-3`}>
        <h2 id="leave-title" className={ui.sectionTitle}>
          {t('leave.title')}
        </h2>
        <p className="text-sm text-stone-700">{t('leave.body')}</p>
        <LeaveAssemblyButton assemblyId={assembly.id} assemblyName={assembly.name} />
      </section>
    </div>
  );
}

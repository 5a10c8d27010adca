import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { JoinButton } from '@/app/_components/join-button';
import { database, currentUser } from '@/app/_lib/current-user';
import { ui } from '@/app/_lib/styles';
import { isAppError } from '@/core/errors';
import { invitationTokenSchema } from '@/core/schemas';
import { previewInvitation } from '@/server/services/preview-invitation';

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('join');
  return { title: t('metaTitle') };
}

async function loadPreview(token: string, viewerId: string | undefined) {
  const parsed = invitationTokenSchema.safeParse(token);
  if (!parsed.success) return undefined;
  try {
    return await previewInvitation(await database(), parsed.data, viewerId);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}

/**
 * Where an invitation link leads: what it invites to, whether it still works,
 * and the one next step (sign in, open the assembly, or join).
 */
export default async function JoinPage({ params }: Props) {
  const { token } = await params;
  const user = await currentUser();
  const [preview, t, tRoles, format] = await Promise.all([
    loadPreview(token, user?.id),
    getTranslations('join'),
    getTranslations('rolesInSentence'),
    getFormatter(),
  ]);
  if (!preview) {
    return (
      <div className={`${ui.card} mx-auto max-w-xl space-y-3`}>
        <h1 className={ui.pageTitle}>{t('invalidTitle')}</h1>
        <p className="text-stone-700">{t('invalidBody')}</p>
      </div>
    );
  }
  const here = `/join/${token}`;
  const expires = new Date(preview.expiresAt);
  const assemblyName = preview.assembly.name;
  return (
    <div className={`${ui.card} mx-auto max-w-xl space-y-5`}>
      <div className="space-y-2">
        <h1 className={`${ui.pageTitle} break-words`}>{t('title', { assembly: assemblyName })}</h1>
        <p className="text-stone-700">{t('invitedBy', { name: preview.invitedBy, role: tRoles(preview.role) })}</p>
        <p className={ui.muted}>
          {t(preview.state === 'expired' ? 'expired' : 'expires', {
            date: format.dateTime(expires, { dateStyle: 'long', timeStyle: 'short' }),
          })}
        </p>
      </div>
      {preview.alreadyMember ? (
        <div className="space-y-3">
          <p className="text-stone-800">{t('alreadyMember')}</p>
          <Link href={`/assemblies/${preview.assembly.id}`} className={ui.primaryButton}>
            {t('open', { assembly: assemblyName })}
          </Link>
        </div>
      ) : preview.state !== 'active' ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">{t(`states.${preview.state}`)}</p>
      ) : !user ? (
        <div className="space-y-3">
          <p className="text-stone-800">{t('signInFirst')}</p>
          <div className="flex flex-wrap gap-3">
            <Link href={`/sign-up?next=${encodeURIComponent(here)}`} className={ui.primaryButton}>
              {t('signUp')}
            </Link>
            <Link href={`/sign-in?next=${encodeURIComponent(here)}`} className={ui.secondaryButton}>
              {t('signIn')}
            </Link>
          </div>
        </div>
      ) : (
        <JoinButton token={token} assemblyName={assemblyName} />
      )}
    </div>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { loadAssembly } from '@/app/_lib/assembly-data';
import { database, requireUser } from '@/app/_lib/current-user';
import { orNotFound } from '@/app/_lib/or-not-found';
import { ui } from '@/app/_lib/styles';
import { can } from '@/core/roles';
import { getDecisionSettings } from '@/server/services/decision-settings';
import { DecisionSettingsForm } from './decision-settings-form';
import { DecisionSettingsSummary } from './decision-settings-summary';

type Props = { params: Promise<{ assemblyId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('decisionSettings');
  return { title: t('title') };
}

/**
 * How the assembly decides: its rule, what a reopening needs, its words for
 * each level of affectedness and the usual time to decide. Stewards change
 * them; everyone else reads them, since they shape every decision.
 */
export default async function DecisionSettingsPage({ params }: Props) {
  const { assemblyId } = await params;
  const user = await requireUser(`/assemblies/${assemblyId}/decision-settings`);
  const assembly = await loadAssembly(user.id, assemblyId);
  const [t, settings] = await Promise.all([
    getTranslations('decisionSettings'),
    orNotFound(getDecisionSettings(await database(), user.id, assembly.id)),
  ]);
  // The server refuses anyone else's changes; this only decides between a form and a summary.
  const steward = can(assembly.myRole, 'change-decision-settings');
  return (
    <section aria-labelledby="decision-settings-title" className="max-w-2xl space-y-4">
      <div className="space-y-1">
        <h2 id="decision-settings-title" className={ui.sectionTitle}>
          {t('title')}
        </h2>
        <p className={ui.muted}>{t('intro')}</p>
      </div>
      {steward ? (
        <DecisionSettingsForm assemblyId={assembly.id} initial={settings} />
      ) : (
        <>
          <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950">{t('readOnly')}</p>
          <DecisionSettingsSummary settings={settings} />
        </>
      )}
    </section>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import type { VersionSummary } from './version-types';

/** How a version is named in lists and menus: its name, and for a frozen one the round it was frozen for. */
export function useVersionLabel(): (version: VersionSummary) => string {
  const t = useTranslations('history');
  return (version) =>
    version.kind === 'decision' ? t('decisionName', { name: version.name, round: version.round }) : version.name;
}

'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ASSEMBLY_EVENT_TYPES } from '@/core/realtime-events';
import { ui } from '@/app/_lib/styles';
import { useDebouncedRefresh, useLiveEvents } from '@/app/_lib/use-live-events';

/** How the member's membership ended, as far as this page knows. */
type Gone = 'removed' | 'left' | 'lost';

interface LiveAssemblyProps {
  assemblyId: string;
  assemblyName: string;
  /** The signed-in member. */
  userId: string;
  children: ReactNode;
}

/**
 * Keeps an assembly's pages current: any event of its room re-renders the
 * server components (which re-read through the normal access rules), and so
 * does a reconnection, which catches up on what was missed offline. That
 * includes `proposal.dissents_changed`, so each proposal's count of standing
 * and new dissents follows without a reload, and `proposal.status_changed`,
 * so each proposal's status badge follows its stages. When the
 * member's own membership ends (removed, left, or refused on reconnecting),
 * the stale page gives way to a notice with a way back.
 */
export function LiveAssembly({ assemblyId, assemblyName, userId, children }: LiveAssemblyProps) {
  const [gone, setGone] = useState<Gone | null>(null);
  const goneRef = useRef<Gone | null>(null);
  const { schedule, cancel } = useDebouncedRefresh();

  function end(how: Gone) {
    if (goneRef.current) return;
    goneRef.current = how;
    cancel();
    setGone(how);
  }

  useLiveEvents(
    { assemblyId },
    ASSEMBLY_EVENT_TYPES,
    (event) => {
      if (goneRef.current) return;
      if ((event.type === 'member.removed' || event.type === 'member.left') && event.userId === userId) {
        end(event.type === 'member.removed' ? 'removed' : 'left');
      } else {
        schedule();
      }
    },
    {
      onReconnect: () => {
        if (!goneRef.current) schedule();
      },
      onRefused: (_room, error) => {
        if (error.code === 'NOT_FOUND') end('lost');
      },
    },
  );

  if (gone) return <GoneNotice how={gone} assemblyName={assemblyName} />;
  return children;
}

function GoneNotice({ how, assemblyName }: { how: Gone; assemblyName: string }) {
  const t = useTranslations('live.gone');
  const heading = useRef<HTMLHeadingElement>(null);
  // Whatever had focus (a button of the page) is gone: bring keyboard and screen-reader users here.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section role="alert" aria-labelledby="gone-title" className="max-w-xl space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 sm:p-6">
      <h1 id="gone-title" ref={heading} tabIndex={-1} className="text-xl font-semibold break-words focus:outline-none">
        {t(`${how}.title`, { assembly: assemblyName })}
      </h1>
      <p>{t(`${how}.body`)}</p>
      <p>
        <Link href="/assemblies" className={ui.link}>
          {t('back')}
        </Link>
      </p>
    </section>
  );
}

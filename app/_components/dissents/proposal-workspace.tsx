'use client';

import type { Editor } from '@tiptap/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { PresenceIdentity } from '@/core/presence';
import { isOpenToDissent } from '@/core/dissent-rules';
import { isTextFrozen, type ProposalStatus } from '@/core/proposal-status';
import type { LiveSnapshot } from '@/app/_lib/live-session';
import { useDissents } from '@/app/_lib/use-dissents';
import { useRound } from '@/app/_lib/use-round';
import type { HighlightAnchor, ResolvedPassages } from '../live-editor/dissent-highlights';
import { LiveEditor } from '../live-editor/live-editor';
import { StagePanel } from '../round/stage-panel';
import type { DissentLink } from '../live-editor/shared-text-editor';
import { DissentPanel } from './dissent-panel';
import { passageShower } from './show-passage';
import './dissents.css';

interface ProposalWorkspaceProps {
  proposalId: string;
  assemblyId: string;
  /** The status the page was rendered with, until the round is read (the text is frozen while a decision is open). */
  status: ProposalStatus;
  user: PresenceIdentity;
  canWrite: boolean;
  /**
   * Why this member may not file, reply and co-sign, as the page was rendered
   * (null: they may); the live status takes over once read, an observer stays one.
   */
  closedReason: 'observer' | 'closed' | null;
}

/** Same anchors, same array: the editor re-resolves passages only when the anchors really changed. */
function anchorKey(anchors: readonly HighlightAnchor[]): string {
  return anchors.map((anchor) => `${anchor.id}:${anchor.start}:${anchor.end}`).join(' ');
}

/**
 * The proposal's stage above its text and its dissents side by side (one
 * column on narrow screens, the dissents under the text). It holds what
 * they share: the round (its status freezes the text), the dissents list,
 * the editor (for the selection and "show passage"), the save state (filing
 * waits for "saved"), where each passage is in the current text, and which
 * thread is open.
 */
export function ProposalWorkspace({ proposalId, assemblyId, status, user, canWrite, closedReason }: ProposalWorkspaceProps) {
  const dissents = useDissents(proposalId);
  const round = useRound(proposalId);
  // The live status once read, else the page's: edits are refused from the decision on (until a reopening),
  // and dissents are taken only in some stages (an observer never takes part).
  const liveStatus = round.view?.status ?? status;
  const frozen = !isTextFrozen(liveStatus) ? null : liveStatus === 'decision' ? 'decision' : liveStatus === 'withdrawn' ? 'withdrawn' : 'decided';
  const reason = closedReason === 'observer' ? 'observer' : isOpenToDissent(liveStatus) ? null : 'closed';
  const [editor, setEditor] = useState<Editor | null>(null);
  const [snapshot, setSnapshot] = useState<LiveSnapshot | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [passages, setPassages] = useState<ResolvedPassages>(new Map());
  // A click on a highlight asks the panel to bring the thread into view, once per click.
  const [reveal, setReveal] = useState(0);

  const list = dissents.list?.dissents;
  const anchorsRef = useRef<readonly HighlightAnchor[]>([]);
  const anchors = useMemo(() => {
    const next: HighlightAnchor[] = (list ?? [])
      .filter((dissent) => dissent.state === 'standing' && dissent.anchor)
      .map((dissent) => ({ id: dissent.id, start: dissent.anchor!.start, end: dissent.anchor!.end, quote: dissent.anchor!.quote }));
    if (anchorKey(next) === anchorKey(anchorsRef.current)) return anchorsRef.current;
    anchorsRef.current = next;
    return next;
  }, [list]);

  const onResolved = useCallback((next: ResolvedPassages) => {
    setPassages((previous) => {
      // Only whether a passage is found shows in the panel: re-render when that changes, not on every keystroke.
      const same = previous.size === next.size && [...next].every(([id, range]) => previous.has(id) && (previous.get(id) === null) === (range === null));
      return same ? previous : next;
    });
  }, []);

  const link: DissentLink = useMemo(
    () => ({
      anchors,
      activeId: openId,
      onEditor: setEditor,
      onOpen: (id: string) => {
        setOpenId(id);
        setReveal((count) => count + 1);
      },
      onResolved,
    }),
    [anchors, openId, onResolved],
  );

  const showPassage = useMemo(() => passageShower(editor), [editor]);

  const reloadDissents = dissents.reload;
  // A dissent filed from a stance opens in the panel, as one filed there does.
  const openFiled = useCallback(
    (id: string) => {
      reloadDissents();
      setOpenId(id);
      setReveal((count) => count + 1);
    },
    [reloadDissents],
  );

  return (
    <div className="space-y-6">
      <StagePanel
        proposalId={proposalId}
        assemblyId={assemblyId}
        userId={user.id}
        round={round}
        editor={editor}
        snapshot={snapshot}
        onDissentFiled={openFiled}
      />
      <div className="proposal-workspace">
        <div className="min-w-0">
          <LiveEditor proposalId={proposalId} user={user} canWrite={canWrite} frozen={frozen} dissents={link} onSnapshot={setSnapshot} />
        </div>
        <DissentPanel
          proposalId={proposalId}
          state={dissents}
          editor={editor}
          snapshot={snapshot}
          passages={passages}
          openId={openId}
          onOpenChange={setOpenId}
          reveal={reveal}
          showPassage={showPassage}
          mayTakePart={reason === null}
          closedReason={reason}
        />
      </div>
    </div>
  );
}

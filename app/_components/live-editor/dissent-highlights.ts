import { Extension } from '@tiptap/core';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/** A passage to highlight: a standing dissent's anchor, as the dissents API gives it. */
export interface HighlightAnchor {
  id: string;
  start: string;
  end: string;
  quote: { exact: string; prefix: string; suffix: string };
}

/** A passage's place in the editor's current document. */
export interface PassageRange {
  from: number;
  to: number;
}

/** Where each anchor resolved to; null when its passage is not in the text. */
export type ResolvedPassages = ReadonlyMap<string, PassageRange | null>;

/** Resolves an anchor against the editor's state (which holds the y-tiptap binding); null when the text is gone. */
export type AnchorResolver = (state: EditorState, anchor: HighlightAnchor) => PassageRange | null;

export interface DissentHighlightsOptions {
  resolve: AnchorResolver;
  /** A highlight was clicked: open the thread of this dissent. */
  onOpen: (dissentId: string) => void;
  /** The resolved passages changed (after the text or the anchors changed). */
  onResolved: (passages: ResolvedPassages) => void;
}

interface HighlightState {
  anchors: readonly HighlightAnchor[];
  passages: ResolvedPassages;
  /** The dissent whose thread is open: its passage is drawn more strongly. */
  active: string | null;
  /** The dissent whose passage flashes after "show passage". */
  flash: string | null;
  decorations: DecorationSet;
}

type HighlightMeta = { anchors: readonly HighlightAnchor[] } | { passages: ResolvedPassages } | { active: string | null } | { flash: string | null };

/** The plugin's key; its state holds the decorations and the resolved passages. */
export const dissentHighlightsKey = new PluginKey<HighlightState>('dissentHighlights');

/** Decorations are recomputed this long after the last change: typing fast costs one resolution per pause. */
const RECOMPUTE_DELAY_MS = 40;

/**
 * The decorations for the resolved passages. Overlapping passages are cut
 * into segments, each drawn once with the ids of every dissent covering it:
 * ProseMirror merges overlapping inline decorations into one element (the
 * last attribute wins), which would lose all but one dissent there.
 */
function decorate(state: Omit<HighlightState, 'decorations'>, doc: EditorState['doc']): DecorationSet {
  const ranges: { id: string; from: number; to: number }[] = [];
  for (const anchor of state.anchors) {
    const range = state.passages.get(anchor.id);
    if (range && range.from < range.to) ranges.push({ id: anchor.id, from: range.from, to: range.to });
  }
  const edges = [...new Set(ranges.flatMap((range) => [range.from, range.to]))].sort((a, b) => a - b);
  const decorations: Decoration[] = [];
  for (let i = 0; i + 1 < edges.length; i += 1) {
    const from = edges[i];
    const to = edges[i + 1];
    const ids = ranges.filter((range) => range.from <= from && to <= range.to).map((range) => range.id);
    if (ids.length === 0) continue;
    let className = 'dissent-highlight';
    if (ids.length > 1) className += ' dissent-highlight--overlap';
    if (state.active !== null && ids.includes(state.active)) className += ' dissent-highlight--active';
    if (state.flash !== null && ids.includes(state.flash)) className += ' dissent-highlight--flash';
    decorations.push(Decoration.inline(from, to, { class: className, 'data-dissent-ids': ids.join(' ') }, { dissentIds: ids }));
  }
  return DecorationSet.create(doc, decorations);
}

/** The dissents whose highlight covers `pos`, narrowest passage first (the innermost of overlapping ones). */
export function dissentsAt(state: EditorState, pos: number): string[] {
  const plugin = dissentHighlightsKey.getState(state);
  if (!plugin) return [];
  const ids = new Set<string>();
  for (const decoration of plugin.decorations.find(pos, pos)) {
    if (decoration.from <= pos && pos < decoration.to) for (const id of (decoration.spec as { dissentIds: string[] }).dissentIds) ids.add(id);
  }
  const size = (id: string) => {
    const range = plugin.passages.get(id);
    return range ? range.to - range.from : Number.POSITIVE_INFINITY;
  };
  return [...ids].sort((a, b) => size(a) - size(b));
}

/** What the helpers below need of a view (TipTap's `editor.view` works before it is mounted, too). */
export interface Dispatcher {
  state: EditorState;
  dispatch: (tr: Transaction) => void;
}

/** Replaces the anchors to highlight (standing dissents with a passage). */
export function setHighlightAnchors(view: Dispatcher, anchors: readonly HighlightAnchor[]): void {
  view.dispatch(view.state.tr.setMeta(dissentHighlightsKey, { anchors } satisfies HighlightMeta).setMeta('addToHistory', false));
}

/** Marks the dissent whose thread is open, or none. */
export function setActiveHighlight(view: Dispatcher, active: string | null): void {
  view.dispatch(view.state.tr.setMeta(dissentHighlightsKey, { active } satisfies HighlightMeta).setMeta('addToHistory', false));
}

/** Makes one passage flash (or stops it). */
export function setFlashHighlight(view: Dispatcher, flash: string | null): void {
  view.dispatch(view.state.tr.setMeta(dissentHighlightsKey, { flash } satisfies HighlightMeta).setMeta('addToHistory', false));
}

/** The resolved passage of a dissent, as last computed. */
export function passageOf(state: EditorState, dissentId: string): PassageRange | null {
  return dissentHighlightsKey.getState(state)?.passages.get(dissentId) ?? null;
}

/**
 * Highlights the passages of standing dissents with ProseMirror decorations:
 * nothing is written into the document (a mark would be shared through the
 * Y doc, where any editor could remove it). Passages are resolved in the
 * browser from the anchors' relative positions and quotes, again after every
 * change of the text (local or remote), once the y-tiptap binding has
 * updated its mapping; between two resolutions the decorations follow the
 * edits through ProseMirror's own mapping.
 */
export const DissentHighlights = Extension.create<DissentHighlightsOptions>({
  name: 'dissentHighlights',

  addOptions() {
    return { resolve: () => null, onOpen: () => {}, onResolved: () => {} };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<HighlightState>({
        key: dissentHighlightsKey,
        state: {
          init: () => ({ anchors: [], passages: new Map(), active: null, flash: null, decorations: DecorationSet.empty }),
          apply: (tr, value, _old, newState) => {
            const meta = tr.getMeta(dissentHighlightsKey) as HighlightMeta | undefined;
            let next = value;
            if (tr.docChanged) {
              const passages = new Map<string, PassageRange | null>();
              for (const [id, range] of value.passages) {
                if (!range) passages.set(id, null);
                else passages.set(id, { from: tr.mapping.map(range.from, 1), to: tr.mapping.map(range.to, -1) });
              }
              next = { ...next, passages, decorations: value.decorations.map(tr.mapping, tr.doc) };
            }
            if (!meta) return next;
            next = { ...next, ...meta };
            return { ...next, decorations: decorate(next, newState.doc) };
          },
        },
        props: {
          decorations: (state) => dissentHighlightsKey.getState(state)?.decorations,
          handleClick: (view, pos) => {
            const [id] = dissentsAt(view.state, pos);
            // Not handled: the caret still lands where the member clicked.
            if (id) options.onOpen(id);
            return false;
          },
        },
        view: (view) => {
          let timer: ReturnType<typeof setTimeout> | null = null;
          const recompute = () => {
            timer = null;
            if (view.isDestroyed) return;
            const sync = ySyncPluginKey.getState(view.state) as { binding?: unknown } | undefined;
            // The binding appears with the view; until it does, relative positions cannot be resolved.
            if (!sync?.binding) return schedule();
            const plugin = dissentHighlightsKey.getState(view.state);
            if (!plugin) return;
            const passages = new Map<string, PassageRange | null>();
            for (const anchor of plugin.anchors) {
              let range: PassageRange | null = null;
              try {
                range = options.resolve(view.state, anchor);
              } catch {
                // An anchor this browser cannot read is shown as not found, never as a crash of the editor.
                range = null;
              }
              passages.set(anchor.id, range);
            }
            view.dispatch(view.state.tr.setMeta(dissentHighlightsKey, { passages } satisfies HighlightMeta).setMeta('addToHistory', false));
            options.onResolved(passages);
          };
          const schedule = () => {
            if (timer === null) timer = setTimeout(recompute, RECOMPUTE_DELAY_MS);
          };
          // Anchors may have been set before the view existed.
          schedule();
          return {
            update: (updated, previous) => {
              const now = dissentHighlightsKey.getState(updated.state);
              const before = dissentHighlightsKey.getState(previous);
              if (updated.state.doc !== previous.doc || now?.anchors !== before?.anchors) schedule();
            },
            destroy: () => {
              if (timer !== null) clearTimeout(timer);
            },
          };
        },
      }),
    ];
  },
});

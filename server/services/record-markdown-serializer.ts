/**
 * ProseMirror → Markdown for the text schema (core/text-schema.ts), built on
 * prosemirror-markdown's serializer: it handles escaping, nesting, tight
 * lists and code spans; this file only maps TipTap's node and mark names.
 */
import type { Mark, Node as ProseNode } from '@tiptap/pm/model';
import { defaultMarkdownSerializer, MarkdownSerializer, type MarkdownSerializerState } from 'prosemirror-markdown';
import { isSafeHref } from './record-prose';

const base = defaultMarkdownSerializer.nodes;

/** A link destination that survives any Markdown reader: no spaces, brackets escaped. */
function linkTarget(mark: Mark): string {
  const href = String(mark.attrs.href).trim().replace(/\s/g, (space) => encodeURIComponent(space));
  const title = typeof mark.attrs.title === 'string' && mark.attrs.title !== '' ? ` "${mark.attrs.title.replace(/["\\]/g, '\\$&')}"` : '';
  return `](${href.replace(/[()<>\\]/g, '\\$&')}${title})`;
}

/** A fence longer than any run of backticks in the code. */
function fenceFor(code: string): string {
  const runs = code.match(/`{3,}/g) ?? [];
  const longest = Math.max(2, ...runs.map((run) => run.length));
  return '`'.repeat(longest + 1);
}

/**
 * A serializer whose headings sit `headingOffset` levels below the text's own
 * (the record's title and sections come first), never deeper than h6.
 */
function serializer(headingOffset: number): MarkdownSerializer {
  return new MarkdownSerializer(
    {
      paragraph: base.paragraph,
      text: base.text,
      blockquote: base.blockquote,
      horizontalRule: base.horizontal_rule,
      hardBreak: base.hard_break,
      bulletList: (state, node) => state.renderList(node, '  ', () => '- '),
      listItem: base.list_item,
      heading(state, node) {
        state.write(`${'#'.repeat(Math.min(6, Number(node.attrs.level) + headingOffset))} `);
        state.renderInline(node, false);
        state.closeBlock(node);
      },
      orderedList(state, node) {
        const start = Number(node.attrs.start ?? 1) || 1;
        const width = String(start + node.childCount - 1).length;
        state.renderList(node, ' '.repeat(width + 2), (index) => `${String(start + index).padStart(width)}. `);
      },
      codeBlock(state: MarkdownSerializerState, node: ProseNode) {
        const fence = fenceFor(node.textContent);
        // The info string is the member's language name: keep only what a language name contains.
        const language = typeof node.attrs.language === 'string' ? node.attrs.language.replace(/[^\w+#.-]/g, '') : '';
        state.write(`${fence}${language}\n`);
        state.text(node.textContent, false);
        state.write('\n');
        state.write(fence);
        state.closeBlock(node);
      },
    },
    {
      bold: defaultMarkdownSerializer.marks.strong,
      italic: defaultMarkdownSerializer.marks.em,
      code: defaultMarkdownSerializer.marks.code,
      strike: { open: '~~', close: '~~', mixable: true, expelEnclosingWhitespace: true },
      // Markdown has no underline; the words stay, the underline goes (raw HTML would need trusting).
      underline: { open: '', close: '', mixable: true },
      link: {
        // Only web and mail links stay links: a record must not carry a `javascript:` target.
        open: (_state, mark) => (isSafeHref(mark.attrs.href) ? '[' : ''),
        close: (_state, mark) => (isSafeHref(mark.attrs.href) ? linkTarget(mark) : ''),
        mixable: true,
      },
    },
    {
      hardBreakNodeName: 'hardBreak',
      // Escape what would otherwise be read as raw HTML or an entity.
      escapeExtraCharacters: /[<>&]/g,
    },
  );
}

const serializers = new Map<number, MarkdownSerializer>();

/** A document of the text schema as Markdown, its headings moved down by `headingOffset`. */
export function proseToMarkdown(doc: ProseNode, headingOffset = 0): string {
  let found = serializers.get(headingOffset);
  if (!found) {
    found = serializer(headingOffset);
    serializers.set(headingOffset, found);
  }
  // The editor's lists have no notion of loose items: write them tight, as they read on the page.
  return found.serialize(doc, { tightLists: true });
}

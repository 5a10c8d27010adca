/**
 * Reading the words of a record as ProseMirror documents of the text schema
 * (core/text-schema.ts): the final text from its JSON, and a dissent's
 * Markdown through markdown-it. Both exports then render one kind of tree,
 * so a minority report is laid out like the text it answers.
 */
import type { Node as ProseNode } from '@tiptap/pm/model';
import MarkdownIt from 'markdown-it';
import { MarkdownParser } from 'prosemirror-markdown';
import type { TextNodeJson } from '../../core/record';
import { textSchema } from '../../core/text-schema';

/** The final text as a document of the text schema; throws when the JSON does not fit the schema. */
export function textFromJson(json: TextNodeJson): ProseNode {
  const doc = textSchema().nodeFromJSON(json);
  // nodeFromJSON accepts content the schema forbids (a list holding a heading): refuse it here,
  // rather than print a text that differs from the one the members judged.
  doc.check();
  return doc;
}

// CommonMark as dissents are written (render-markdown.ts: GFM strikethrough, line breaks kept).
// Raw HTML stays text and images are dropped: the schema has no image, and a record quotes words.
const markdown = new MarkdownIt('commonmark', { html: false }).enable('strikethrough').disable('image');

let parser: MarkdownParser | undefined;

/** markdown-it's tokens mapped onto the text schema's node and mark names (TipTap's, not prosemirror-markdown's). */
function markdownParser(): MarkdownParser {
  parser ??= new MarkdownParser(textSchema(), markdown, {
    blockquote: { block: 'blockquote' },
    paragraph: { block: 'paragraph' },
    list_item: { block: 'listItem' },
    bullet_list: { block: 'bulletList' },
    ordered_list: { block: 'orderedList', getAttrs: (token) => ({ start: Number(token.attrGet('start') ?? 1) || 1 }) },
    heading: { block: 'heading', getAttrs: (token) => ({ level: Number(token.tag.slice(1)) }) },
    code_block: { block: 'codeBlock', noCloseToken: true },
    fence: { block: 'codeBlock', getAttrs: (token) => ({ language: token.info.trim() || null }), noCloseToken: true },
    hr: { node: 'horizontalRule' },
    hardbreak: { node: 'hardBreak' },
    // The app renders dissents with line breaks kept (marked's `breaks`); the record does too.
    softbreak: { node: 'hardBreak' },
    em: { mark: 'italic' },
    strong: { mark: 'bold' },
    s: { mark: 'strike' },
    link: { mark: 'link', getAttrs: (token) => ({ href: token.attrGet('href'), title: token.attrGet('title') || null }) },
    code_inline: { mark: 'code', noCloseToken: true },
  });
  return parser;
}

/**
 * A member's Markdown as a document of the text schema. Markdown the schema
 * cannot hold (a list item opening with a heading, say) falls back to plain
 * paragraphs: the words are kept whatever their form.
 */
export function markdownToText(source: string): ProseNode {
  try {
    const doc = markdownParser().parse(source);
    doc.check();
    return doc;
  } catch {
    return plainParagraphs(source);
  }
}

/** Text as paragraphs split at blank lines, line breaks kept. */
function plainParagraphs(source: string): ProseNode {
  const schema = textSchema();
  const paragraphs = source
    .split(/\n\s*\n/)
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const inline: ProseNode[] = [];
      part.split('\n').forEach((line, index) => {
        if (index > 0) inline.push(schema.nodes.hardBreak.create());
        if (line !== '') inline.push(schema.text(line));
      });
      return schema.nodes.paragraph.create(null, inline);
    });
  return schema.nodes.doc.create(null, paragraphs.length > 0 ? paragraphs : [schema.nodes.paragraph.create()]);
}

const SAFE_PROTOCOL = /^(https?:|mailto:)/i;

/** Whether a link may be kept as a link in an export: web and mail addresses only, as dissents allow. */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.trim() === '') return false;
  const trimmed = href.trim();
  // Relative links (a fragment, a path) stay links; anything with another scheme does not.
  return SAFE_PROTOCOL.test(trimmed) || !/^[a-z][a-z0-9+.-]*:/i.test(trimmed);
}

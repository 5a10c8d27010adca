import type { Node as PMNode } from '@tiptap/pm/model';

/** One textblock of a linearised document: where its content starts in both coordinates. */
interface LinearBlock {
  /** ProseMirror position of the block's first content position. */
  pos: number;
  /** Content size of the block (each inline position is one character of text). */
  size: number;
  /** Offset of the block's first character in {@link LinearText.text}. */
  offset: number;
}

/**
 * A document read as plain text: textblocks separated by '\n', hard breaks as
 * '\n', any other inline leaf as U+FFFC. Inside a textblock one character of
 * text is exactly one ProseMirror position (text nodes count UTF-16 units in
 * both, an inline leaf is one position and one character), so offsets and
 * positions convert by a shift per block. Block structure (headings, lists,
 * quotes) leaves no trace in the text: turning a paragraph into a heading or
 * a list item does not change it, which is what lets a quote re-anchor.
 */
export interface LinearText {
  text: string;
  blocks: LinearBlock[];
}

/** Linearises a ProseMirror document (see {@link LinearText}). */
export function linearText(doc: PMNode): LinearText {
  const blocks: LinearBlock[] = [];
  const parts: string[] = [];
  let offset = 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (blocks.length > 0) {
      parts.push('\n');
      offset += 1;
    }
    let text = '';
    node.forEach((child) => {
      if (child.isText) text += child.text ?? '';
      else text += child.type.name === 'hardBreak' ? '\n' : '\uFFFC';
    });
    blocks.push({ pos: pos + 1, size: node.content.size, offset });
    parts.push(text);
    offset += text.length;
    return false;
  });
  return { text: parts.join(''), blocks };
}

/**
 * The text offset of a ProseMirror position. A position inside a textblock
 * has exactly one offset; one between blocks (or in a non-text block) snaps
 * to the next textblock's start (`bias` 'forward', for the start of a range)
 * or to the previous one's end ('backward', for its end).
 */
export function textOffsetAt(linear: LinearText, pos: number, bias: 'forward' | 'backward'): number {
  const { blocks } = linear;
  if (blocks.length === 0) return 0;
  // Last block starting at or before pos.
  let lo = 0;
  let hi = blocks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].pos <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found >= 0) {
    const block = blocks[found];
    if (pos <= block.pos + block.size) return block.offset + (pos - block.pos);
    if (bias === 'backward') return block.offset + block.size;
    const next = blocks[found + 1];
    return next ? next.offset : block.offset + block.size;
  }
  return bias === 'forward' ? blocks[0].offset : 0;
}

/** The ProseMirror position of a text offset (clamped to the text). */
export function positionAtOffset(linear: LinearText, offset: number): number {
  const { blocks } = linear;
  if (blocks.length === 0) return 0;
  let lo = 0;
  let hi = blocks.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].offset <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const block = blocks[found];
  return block.pos + Math.max(0, Math.min(offset - block.offset, block.size));
}

/**
 * The fonts embedded in a record's PDF: DejaVu Sans, shipped by the npm
 * package `dejavu-fonts-ttf` (Bitstream Vera licence with DejaVu's changes in
 * the public domain: free to embed and redistribute), so a fresh
 * `npm install` has them and no system font is ever looked up.
 *
 * Coverage: Latin (with Vietnamese), Greek, Cyrillic, Armenian, Georgian,
 * IPA and common symbols render correctly. Hebrew and Arabic glyphs exist in
 * DejaVu Sans but PDFKit lays text out left to right without the bidirectional
 * algorithm, so right-to-left text comes out in the wrong order. CJK is not
 * covered: the only npm packages with a CJK TrueType/OpenType font weigh about
 * 200 MB (Source Han Sans), and the small web-font packages ship WOFF2
 * slices PDFKit cannot subset. A caller that has such a font may pass it as
 * a fallback (see record-pdf.ts); without one, CJK characters print as empty
 * boxes.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/** The faces a record uses, by the name PDFKit registers them under. */
export const FACES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;

/** A face's name. */
export type Face = keyof typeof FACES;

let folder: string | undefined;
const loaded = new Map<Face, Buffer>();

/** The folder of the TrueType files, found through Node's resolution (works from any working directory). */
function fontFolder(): string {
  // This module also runs inside Next's server bundle, whose bundler replaces `createRequire`
  // and its `resolve`: take Node's own from the running process, out of the bundler's sight.
  const { createRequire: nodeRequire } = process.getBuiltinModule('node:module') as typeof import('node:module');
  folder ??= join(dirname(nodeRequire(join(process.cwd(), 'package.json')).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return folder;
}

/** The bytes of a face, read once per process (PDFKit subsets them per document). */
export function fontBytes(face: Face): Buffer {
  let bytes = loaded.get(face);
  if (!bytes) {
    bytes = readFileSync(join(fontFolder(), FACES[face]));
    loaded.set(face, bytes);
  }
  return bytes;
}

const covers = new Map<Face, fontkit.Font>();

/** A face parsed by fontkit, to ask which characters it has. */
function coverage(face: Face): fontkit.Font {
  let font = covers.get(face);
  if (!font) {
    font = fontkit.create(fontBytes(face)) as fontkit.Font;
    covers.set(face, font);
  }
  return font;
}

/** The fonts of one PDF: the faces, the fallbacks, and how text is split between them. */
export interface FontSet {
  /** The registered name of a face. */
  font: (face: Face) => string;
  /** Text cut into runs, each in the first font that has its characters (the face itself when none has). */
  runs: (text: string, face: Face) => { text: string; font: string }[];
}

/**
 * Registers the faces, and any fallback fonts (TrueType or OpenType bytes,
 * tried in order for characters DejaVu lacks, such as CJK), in a document.
 */
export function registerFonts(doc: PDFKit.PDFDocument, fallbacks: readonly Uint8Array[] = []): FontSet {
  for (const face of Object.keys(FACES) as Face[]) doc.registerFont(face, fontBytes(face));
  const extra = fallbacks.map((bytes, index) => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = `fallback-${index}`;
    const font = fontkit.create(buffer);
    if ('fonts' in font) throw new Error('a fallback font must be one TrueType or OpenType font, not a collection');
    doc.registerFont(name, buffer);
    return { name, font };
  });
  const fontFor = (codePoint: number, face: Face): string => {
    // Spaces and controls stay in the face, so that runs break only where a script changes.
    if (codePoint <= 0x20 || coverage(face).hasGlyphForCodePoint(codePoint)) return face;
    return extra.find((fallback) => fallback.font.hasGlyphForCodePoint(codePoint))?.name ?? face;
  };
  return {
    font: (face) => face,
    runs(text, face) {
      if (extra.length === 0) return [{ text, font: face }];
      const runs: { text: string; font: string }[] = [];
      for (const character of text) {
        const font = fontFor(character.codePointAt(0) ?? 0, face);
        const last = runs.at(-1);
        if (last && last.font === font) last.text += character;
        else runs.push({ text: character, font });
      }
      return runs;
    },
  };
}

import * as Y from 'yjs';

/** Name of the XML fragment that holds a proposal's text (TipTap's Collaboration default). */
export const TEXT_FIELD = 'default';

/**
 * The first state of a new proposal's text: one empty paragraph. Made once,
 * on the server, and stored; never re-made by a client filling an empty
 * document, which would duplicate content when two clients do it at once.
 */
export function initialTextState(): Uint8Array {
  const doc = new Y.Doc();
  doc.getXmlFragment(TEXT_FIELD).insert(0, [new Y.XmlElement('paragraph')]);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

import * as Y from 'yjs';
import { TEXT_FIELD } from '../sync/initial-state';

/** The demo proposal's text, as [node type, text, heading level?] blocks. */
const BLOCKS: [string, string, number?][] = [
  ['heading', 'Why a rota', 2],
  ['paragraph', 'The shared garden needs watering every evening from May to September. Today it falls on whoever notices.'],
  ['heading', 'Proposal', 2],
  ['paragraph', 'Each household takes one week in turn, in the order of the flat numbers. Swaps are agreed between households and noted on the board by the door.'],
  ['paragraph', 'Households that cannot water (travel, health) say so at the start of the season and take a winter task instead.'],
];

/**
 * The update that turns a new proposal's stored text (one empty paragraph)
 * into the demo text. Computed against the stored state, so that it goes
 * through the update log like any edit.
 */
export function demoTextUpdate(storedState: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, storedState);
  const before = Y.encodeStateVector(doc);
  const fragment = doc.getXmlFragment(TEXT_FIELD);
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.insert(
      0,
      BLOCKS.map(([type, text, level]) => {
        const element = new Y.XmlElement(type);
        if (level) element.setAttribute('level', level as unknown as string);
        element.insert(0, [new Y.XmlText(text)]);
        return element;
      }),
    );
  });
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

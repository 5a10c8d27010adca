import { positionsToRelative } from '../../core/text-anchor';
import { linearText, positionAtOffset } from '../../core/text-linear';
import type { Db } from '../db/database';
import { loadCommittedText } from '../services/committed-text';
import { fileDissent } from '../services/file-dissent';
import { postReply } from '../services/post-reply';

/** The passage of the demo text that the sample dissent objects to. */
const PASSAGE = 'in the order of the flat numbers';

/**
 * The demo's sample dissent, so that a newcomer sees one highlighted in the
 * text with its thread: filed by the second account on a passage of the
 * stored text, answered by the first, through the ordinary use cases.
 */
export async function seedDemoDissent(db: Db, proposalId: string, dissenterId: string, replierId: string): Promise<void> {
  const text = await loadCommittedText(db, proposalId);
  const linear = linearText(text.pmDoc);
  const offset = linear.text.indexOf(PASSAGE);
  if (offset < 0) throw new Error('the demo text lacks the passage its sample dissent objects to');
  const anchor = positionsToRelative(text.fragment, text.mapping, positionAtOffset(linear, offset), positionAtOffset(linear, offset + PASSAGE.length));
  const dissent = await fileDissent(db, dissenterId, proposalId, {
    title: 'Flat order puts the same households on the hottest weeks',
    body: 'Going by flat numbers gives **flats 1–4 the July heat every year**. A rota that moves by one household each season would share the hard weeks out.',
    alternativeWording: 'in an order that moves on by one household each season',
    anchor,
  });
  await postReply(db, replierId, dissent.id, {
    body: 'Fair point. Would swapping on the board not be enough?',
    parentReplyId: null,
  });
}

import { describe, expect, it } from 'vitest';
import {
  canTakePart,
  checkSignatureChange,
  currentSigners,
  isOpenToDissent,
  requireDissentAuthor,
  requireParticipation,
  requireReplyAuthor,
} from '../../core/dissent-rules';
import { AppError } from '../../core/errors';

function reasonOf(action: () => void): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.reason : String(error);
  }
}

describe('dissent rules', () => {
  it('lets writers take part while the proposal is open, and observers never', () => {
    expect(canTakePart('member')).toBe(true);
    expect(canTakePart('steward')).toBe(true);
    expect(canTakePart('observer')).toBe(false);
    expect(['draft', 'deliberation', 'decision'].every((s) => isOpenToDissent(s as never))).toBe(true);
    expect(['adopted', 'rejected', 'withdrawn'].some((s) => isOpenToDissent(s as never))).toBe(false);
    expect(reasonOf(() => requireParticipation('observer', 'draft'))).toBe('OBSERVERS_CANNOT_DISSENT');
    expect(reasonOf(() => requireParticipation('steward', 'adopted'))).toBe('PROPOSAL_CLOSED_TO_DISSENT');
    expect(reasonOf(() => requireParticipation('member', 'decision'))).toBeUndefined();
  });

  it('lets only the author change a dissent or a reply, whatever the role of anyone else', () => {
    expect(reasonOf(() => requireDissentAuthor({ authorId: 'a' }, 'b'))).toBe('ONLY_DISSENT_AUTHOR');
    expect(reasonOf(() => requireDissentAuthor({ authorId: 'a' }, 'a'))).toBeUndefined();
    expect(reasonOf(() => requireReplyAuthor({ authorId: 'a' }, 'steward'))).toBe('ONLY_REPLY_AUTHOR');
  });

  it("decides who signs from each member's last action", () => {
    const at = (n: number) => new Date(2026, 0, n);
    const signers = currentSigners([
      { userId: 'x', action: 'sign', at: at(1) },
      { userId: 'y', action: 'sign', at: at(2) },
      { userId: 'x', action: 'unsign', at: at(3) },
      { userId: 'y', action: 'unsign', at: at(4) },
      { userId: 'y', action: 'sign', at: at(5) },
    ]);
    expect([...signers]).toEqual([['y', at(5)]]);
  });

  it('refuses signature changes that would change nothing or that the author asks for', () => {
    const standing = { authorId: 'a', withdrawn: false };
    expect(reasonOf(() => checkSignatureChange(standing, 'a', false, true))).toBe('AUTHOR_CANNOT_CO_SIGN');
    expect(reasonOf(() => checkSignatureChange(standing, 'b', true, true))).toBe('ALREADY_SIGNED');
    expect(reasonOf(() => checkSignatureChange(standing, 'b', false, false))).toBe('NOT_SIGNED');
    expect(reasonOf(() => checkSignatureChange({ ...standing, withdrawn: true }, 'b', false, true))).toBe('DISSENT_WITHDRAWN');
    // A signature may still be taken back from a withdrawn dissent.
    expect(reasonOf(() => checkSignatureChange({ ...standing, withdrawn: true }, 'b', true, false))).toBeUndefined();
    expect(reasonOf(() => checkSignatureChange(standing, 'b', false, true))).toBeUndefined();
  });
});

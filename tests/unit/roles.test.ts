import { describe, expect, it } from 'vitest';
import { can, canInviteAs } from '../../core/roles';

describe('roles', () => {
  it('lets observers read only', () => {
    expect(can('observer', 'read')).toBe(true);
    for (const action of ['invite', 'create-proposal', 'co-author', 'change-role', 'remove-member'] as const) {
      expect(can('observer', action)).toBe(false);
    }
  });

  it('keeps membership powers for stewards', () => {
    expect(can('member', 'change-role')).toBe(false);
    expect(can('member', 'remove-member')).toBe(false);
    expect(can('steward', 'change-role')).toBe(true);
    expect(can('steward', 'revoke-any-invitation')).toBe(true);
  });

  it('lets members invite members and observers but not stewards', () => {
    expect(canInviteAs('member', 'member')).toBe(true);
    expect(canInviteAs('member', 'observer')).toBe(true);
    expect(canInviteAs('member', 'steward')).toBe(false);
    expect(canInviteAs('steward', 'steward')).toBe(true);
    expect(canInviteAs('observer', 'observer')).toBe(false);
  });
});

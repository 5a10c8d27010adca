export type { VersionSummary, VersionWithText } from '@/core/version-views';

/** Hex digits of a text hash shown: enough to tell versions apart by eye; the full hash is in the title. */
export const SHORT_HASH = 12;

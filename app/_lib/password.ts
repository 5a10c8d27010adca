import { LIMITS } from '@/core/schemas';

/** Password limits as the server enforces them, for the forms' own first check. */
export const PASSWORD_LIMITS = { min: LIMITS.passwordMin, max: LIMITS.passwordMax } as const;

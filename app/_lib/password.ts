/**
 * Password limits, as the server enforces them (better-auth `minPasswordLength`
 * and `maxPasswordLength` in server/auth/auth.ts). Repeated here because that
 * module imports the server-only auth library; the browser checks them first
 * only to save a round trip.
 */
export const PASSWORD_LIMITS = { min: 10, max: 128 } as const;

import { route } from '@/server/http/route';

/** GET /api/me: the signed-in member. */
export const GET = route(async ({ user }) => ({ user }));

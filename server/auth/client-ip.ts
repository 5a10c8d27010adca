/**
 * The request header that carries the client's address to the auth library.
 * `server/main.ts` sets it on every request (overwriting whatever a client
 * sent) from the socket address, or from X-Forwarded-For behind a trusted
 * proxy, so that per-address rate limits cannot be dodged by forging a header.
 */
export const CLIENT_IP_HEADER = 'x-plenary-client-ip';

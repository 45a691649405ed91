import type { TrustProxy } from '../config.js';

/**
 * Fastify's form of MAMORI_TRUST_PROXY. Fastify ignores a bare hop count (it cannot tell the nearest hop is
 * really the proxy), so a count becomes a function trusting that many hops from the socket; the client is
 * then the address the outermost trusted proxy appended, never an entry the client wrote itself.
 */
export function trustProxyOption(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (!trust) return false;
  if ('addresses' in trust) return trust.addresses;
  const { hops } = trust;
  return (_address, hop) => hop < hops;
}

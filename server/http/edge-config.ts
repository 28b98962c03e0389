import type { ClientAddressPolicy } from "./client-address";

/** A configuration the app must not start with; the message says what to set. */
export class EdgeConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EdgeConfigError";
  }
}

export interface EdgeEnv {
  NODE_ENV: string;
  TRUST_PROXY_HOPS?: number;
  TRUST_PROXY?: string;
}

/**
 * The client-address policy from the environment. Production must say whether a proxy stands in
 * front: guessing wrong either lets clients pick their address (limits bypassed) or gives every
 * client the proxy's address (one abuser locks everybody out). Development defaults to no proxy.
 */
export function clientAddressPolicy(e: EdgeEnv): ClientAddressPolicy {
  if (e.TRUST_PROXY === "1" && e.TRUST_PROXY_HOPS === undefined) {
    throw new EdgeConfigError(
      "TRUST_PROXY=1 is no longer read: set TRUST_PROXY_HOPS to the number of reverse proxies in front of the app (1 for a single nginx or load balancer).",
    );
  }
  if (e.TRUST_PROXY_HOPS !== undefined) return { trustProxyHops: e.TRUST_PROXY_HOPS };
  if (e.NODE_ENV === "production") {
    throw new EdgeConfigError(
      "NODE_ENV=production needs TRUST_PROXY_HOPS: 0 when browsers connect to this server directly, or the number of reverse proxies in front of it (1 for a single nginx or load balancer). Per-IP rate limits depend on it.",
    );
  }
  return { trustProxyHops: 0 };
}

import { isIP } from "node:net";

/**
 * Who is calling, decided once at the edge (server/http/edge-server.ts) from what cannot be
 * forged: the TCP peer, or — behind proxies the operator declared — the entry the outermost
 * trusted proxy appended to X-Forwarded-For. Never the left-most entry: the client writes that.
 */

/** How the app's own server learns the client's address: 0 = clients connect to it directly. */
export interface ClientAddressPolicy {
  /** Number of reverse proxies in front of the app that each append to X-Forwarded-For. */
  trustProxyHops: number;
}

export interface PeerFacts {
  /** `socket.remoteAddress` of the connection the request came in on. */
  remoteAddress: string | undefined;
  /** True when that connection is TLS (the app itself terminates HTTPS). */
  encrypted: boolean;
  /** The X-Forwarded-For header(s) as received. */
  forwardedFor: string | string[] | undefined;
  /** The X-Forwarded-Proto header(s) as received. */
  forwardedProto: string | string[] | undefined;
}

export interface ClientFacts {
  address: string;
  protocol: "http" | "https";
  /** Set when the declared hop count does not match the request (misconfiguration worth a log line). */
  warning?: string;
}

const UNKNOWN = "unknown";

/** "::ffff:1.2.3.4" → "1.2.3.4"; "[::1]:443" / "1.2.3.4:80" → bare address; anything else unchanged. */
export function normalizeAddress(raw: string): string {
  let a = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(a)) a = a.slice(7);
  return a.toLowerCase();
}

function headerList(value: string | string[] | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(",") : (value ?? "");
  return joined
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The client's address and scheme under `policy`:
 * - 0 hops: the socket's peer and whether the socket is TLS; forwarded headers are ignored.
 * - N hops: each trusted proxy appended the address it saw, so the N-th entry from the right was
 *   written by the outermost trusted proxy and names the client. Entries left of it are whatever
 *   the client sent. The scheme is the value the outermost trusted proxy set, same position.
 */
export function clientFacts(peer: PeerFacts, policy: ClientAddressPolicy): ClientFacts {
  const socketAddress = peer.remoteAddress ? normalizeAddress(peer.remoteAddress) : UNKNOWN;
  const socketProtocol = peer.encrypted ? "https" : "http";
  const hops = policy.trustProxyHops;
  if (hops === 0) return { address: socketAddress, protocol: socketProtocol };

  const chain = headerList(peer.forwardedFor);
  const protos = headerList(peer.forwardedProto);
  const protocol = schemeOf(protos[Math.max(0, protos.length - hops)]) ?? socketProtocol;
  if (chain.length < hops) {
    // Fewer entries than declared proxies: one of them does not append. Falling back to the left-most
    // entry would let a client choose its address; the peer (a proxy) is wrong but not forgeable.
    return { address: socketAddress, protocol, warning: `X-Forwarded-For has ${chain.length} entries but TRUST_PROXY_HOPS=${hops}` };
  }
  const candidate = normalizeAddress(chain[chain.length - hops]!);
  if (!isIP(candidate)) return { address: socketAddress, protocol, warning: `X-Forwarded-For entry "${candidate}" is not an address` };
  return { address: candidate, protocol };
}

function schemeOf(value: string | undefined): "http" | "https" | undefined {
  const v = value?.toLowerCase();
  return v === "https" || v === "http" ? v : undefined;
}

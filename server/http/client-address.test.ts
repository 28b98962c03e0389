import { request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { arrivedOverHttps, clientIp } from "../auth/client-ip";
import { clientFacts, normalizeAddress, type ClientAddressPolicy } from "./client-address";
import { createEdgeServer } from "./edge-server";

/**
 * The edge server over real sockets: a client sends forged forwarding headers; the app behind it
 * (here an echo of what clientIp / arrivedOverHttps read, as the app does) sees the real peer.
 */
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function startEcho(policy: ClientAddressPolicy, log: (line: string) => void = () => {}): Promise<number> {
  server = createEdgeServer(
    (req, res) => {
      const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(", ") : v] as [string, string]])));
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ ip: clientIp(headers), https: arrivedOverHttps(headers), forwardedHost: headers.get("x-forwarded-host"), realIp: headers.get("x-real-ip") }));
    },
    policy,
    log,
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server!.address() as AddressInfo).port;
}

function get(port: number, headers: Record<string, string>): Promise<{ ip: string; https: boolean; forwardedHost: string | null; realIp: string | null }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve(JSON.parse(body)));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("edge server, no proxy declared (TRUST_PROXY_HOPS=0)", () => {
  it("a forged X-Forwarded-For, X-Real-IP or Forwarded header does not change the address the app reads", async () => {
    const port = await startEcho({ trustProxyHops: 0 });
    const seen = await get(port, {
      "X-Forwarded-For": "203.0.113.9, 198.51.100.7",
      "X-Real-IP": "203.0.113.10",
      Forwarded: "for=203.0.113.11",
      "X-Forwarded-Proto": "https",
      "X-Forwarded-Host": "evil.example",
    });
    expect(seen).toEqual({ ip: "127.0.0.1", https: false, forwardedHost: null, realIp: null });
  });

  it("every request from one client counts as one address, whatever it claims", async () => {
    const port = await startEcho({ trustProxyHops: 0 });
    const ips = new Set<string>();
    for (let i = 0; i < 5; i++) ips.add((await get(port, { "X-Forwarded-For": `10.9.8.${i}` })).ip);
    expect([...ips]).toEqual(["127.0.0.1"]);
  });
});

describe("edge server behind one trusted proxy (TRUST_PROXY_HOPS=1)", () => {
  it("takes the address the proxy appended (right-most), never the client's left-most entry", async () => {
    const port = await startEcho({ trustProxyHops: 1 });
    // The client forged "6.6.6.6"; nginx's $proxy_add_x_forwarded_for appended the real peer.
    const seen = await get(port, { "X-Forwarded-For": "6.6.6.6, 203.0.113.7", "X-Forwarded-Proto": "https" });
    expect(seen.ip).toBe("203.0.113.7");
    expect(seen.https).toBe(true);
  });

  it("without the proxy's entry it falls back to the connection (not forgeable) and logs the misconfiguration once", async () => {
    const lines: string[] = [];
    const port = await startEcho({ trustProxyHops: 1 }, (l) => lines.push(l));
    expect((await get(port, {})).ip).toBe("127.0.0.1");
    expect((await get(port, {})).ip).toBe("127.0.0.1");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("TRUST_PROXY_HOPS");
  });
});

describe("edge server behind two trusted proxies (TRUST_PROXY_HOPS=2)", () => {
  it("takes the entry the outer proxy appended", async () => {
    const port = await startEcho({ trustProxyHops: 2 });
    // client forged 6.6.6.6 → load balancer appended the client 198.51.100.23 → nginx appended the LB 10.0.0.5
    const seen = await get(port, { "X-Forwarded-For": "6.6.6.6, 198.51.100.23, 10.0.0.5" });
    expect(seen.ip).toBe("198.51.100.23");
  });
});

describe("clientFacts", () => {
  const peer = { remoteAddress: "::ffff:192.0.2.1", encrypted: false, forwardedFor: undefined, forwardedProto: undefined };

  it("normalizes IPv4-mapped IPv6 peers and bracketed or ported entries", () => {
    expect(clientFacts(peer, { trustProxyHops: 0 }).address).toBe("192.0.2.1");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("198.51.100.4:5123")).toBe("198.51.100.4");
  });

  it("a TLS socket is https without a proxy; a forwarded proto is ignored then", () => {
    expect(clientFacts({ ...peer, encrypted: true, forwardedProto: "http" }, { trustProxyHops: 0 }).protocol).toBe("https");
    expect(clientFacts({ ...peer, forwardedProto: "https" }, { trustProxyHops: 0 }).protocol).toBe("http");
  });

  it("a garbage entry where the proxy's should be falls back to the peer", () => {
    const facts = clientFacts({ ...peer, forwardedFor: "1.2.3.4, not-an-ip" }, { trustProxyHops: 1 });
    expect(facts.address).toBe("192.0.2.1");
    expect(facts.warning).toBeDefined();
  });

  it("several X-Forwarded-For header lines count as one list", () => {
    expect(clientFacts({ ...peer, forwardedFor: ["6.6.6.6", "203.0.113.7"] }, { trustProxyHops: 1 }).address).toBe("203.0.113.7");
  });
});

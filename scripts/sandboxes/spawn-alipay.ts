import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Delivery } from "./alipay/notifier";
import type { FaultRequest, LedgerEntry } from "./pay-faults";

export interface SpawnedAlipaySandbox {
  /** ALIPAY_APP_ID, ALIPAY_GATEWAY_URL, ALIPAY_PUBLIC_KEY (the sandbox's "Alipay" key), ALIPAY_PRIVATE_KEY (the merchant's). */
  env: Record<string, string>;
  /** http://127.0.0.1:PORT — the control API lives under /sandbox/. */
  origin: string;
  armFault(fault: FaultRequest): Promise<void>;
  ledger(): Promise<LedgerEntry[]>;
  /** Registers a paid trade so refunds above its amount are refused (unknown trades are accepted without a ceiling). */
  registerTrade(trade: { outTradeNo: string; tradeNo?: string; totalFen: number; subject?: string }): Promise<{ outTradeNo: string; tradeNo: string; totalFen: number }>;
  notifications(): Promise<Delivery[]>;
  /** Clears armed faults (never the ledger). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Starts the Alipay sandbox as its own OS process (tests, scripts): the adapter talks to it over
 * the network exactly as it would to Alipay's gateway. Resolves once it prints its settings.
 * `options.merchantPublicKey` makes it trust a merchant key of the caller's (then ALIPAY_PRIVATE_KEY
 * is not in `env`).
 */
export async function spawnAlipaySandbox(options: { port?: number; merchantPublicKey?: string; appId?: string } = {}): Promise<SpawnedAlipaySandbox> {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "scripts/sandboxes/alipay/server.ts"), "--port", String(options.port ?? 0)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      ...(options.merchantPublicKey ? { ALIPAY_SANDBOX_MERCHANT_PUBLIC_KEY: options.merchantPublicKey } : {}),
      ...(options.appId ? { ALIPAY_SANDBOX_APP_ID: options.appId } : {}),
    },
  });
  const env: Record<string, string> = {};
  let origin = "";
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the Alipay sandbox exited (${code}) before it was ready`)));
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      const m = /^([A-Z_]+)=(.*)$/.exec(line);
      if (!m) return;
      if (m[1] === "ALIPAY_SANDBOX_READY") {
        origin = m[2]!;
        resolve();
      } else env[m[1]!] = m[2]!;
    });
  });
  child.removeAllListeners("exit");
  const call = async (method: "GET" | "POST", route: string, body?: unknown) => {
    const res = await fetch(`${origin}${route}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`Alipay sandbox ${route}: ${String(data.error ?? res.status)}`);
    return data;
  };
  return {
    env,
    origin,
    armFault: async (fault) => void (await call("POST", "/sandbox/faults", fault)),
    ledger: async () => (await call("GET", "/sandbox/ledger")).entries as LedgerEntry[],
    registerTrade: async (trade) => (await call("POST", "/sandbox/trades", trade)) as { outTradeNo: string; tradeNo: string; totalFen: number },
    notifications: async () => (await call("GET", "/sandbox/notifications")).deliveries as Delivery[],
    reset: async () => void (await call("POST", "/sandbox/reset")),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { FaultRequest, LedgerEntry } from "./pay-faults";
import type { NotificationVariant, SentNotification } from "./wechat-pay/server";

export type { NotificationVariant, SentNotification };

export interface SignedNotification {
  headers: Record<string, string>;
  body: string;
  eventType: string;
}

export interface SpawnedWechatPaySandbox {
  /** WECHATPAY_BASE_URL, _MCHID, _MERCHANT_SERIAL, _PRIVATE_KEY, _PLATFORM_PUBLIC_KEY, _PLATFORM_KEY_ID, _APIV3_KEY. */
  env: Record<string, string>;
  endpoint: string;
  /** Arms a fault for the next refund call(s) (scripts/sandboxes/pay-faults.ts). */
  armFault(fault: FaultRequest): Promise<void>;
  /** Every refund number the sandbox was asked to pay, and what became of it. */
  ledger(): Promise<LedgerEntry[]>;
  /** Notifications the sandbox sent to notify_url and the status each got back. */
  notifications(): Promise<SentNotification[]>;
  /** A notification for a refund in the ledger, as WeChat would send it (`good`) or broken on purpose. */
  signedNotification(outRefundNo: string, variant?: NotificationVariant): Promise<SignedNotification>;
  /** Clears armed faults (never the ledger). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface SpawnWechatPayOptions {
  port?: number;
  /** Delays between notification retries (ms); short ones keep tests quick. */
  notifyRetryDelaysMs?: number[];
}

/**
 * Starts the WeChat Pay sandbox as its own OS process (tests, scripts): the adapter talks to it
 * over the network with the real v3 signatures. Resolves once it has printed its settings.
 */
export async function spawnWechatPaySandbox(options: SpawnWechatPayOptions = {}): Promise<SpawnedWechatPaySandbox> {
  const args = [path.join(ROOT, "scripts/sandboxes/wechat-pay/server.ts"), "--port", String(options.port ?? 0)];
  if (options.notifyRetryDelaysMs) args.push("--notify-retry-ms", options.notifyRetryDelaysMs.join(","));
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), args, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  const env: Record<string, string> = {};
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the WeChat Pay sandbox exited (${code}) before it was ready`)));
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      const m = /^([A-Z0-9_]+)=(.*)$/.exec(line);
      if (!m) return;
      if (m[1] === "WECHATPAY_SANDBOX_READY") return resolve();
      env[m[1]!] = m[2]!;
    });
  });
  child.removeAllListeners("exit");
  const endpoint = env.WECHATPAY_BASE_URL!;
  const call = async <T>(method: "GET" | "POST", p: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${endpoint}${p}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`WeChat Pay sandbox ${p}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    env,
    endpoint,
    armFault: async (fault) => void (await call("POST", "/sandbox/faults", fault)),
    ledger: async () => (await call<{ entries: LedgerEntry[] }>("GET", "/sandbox/ledger")).entries,
    notifications: async () => (await call<{ sent: SentNotification[] }>("GET", "/sandbox/notifications")).sent,
    signedNotification: (outRefundNo, variant = "good") => call<SignedNotification>("POST", "/sandbox/notifications/sign", { outRefundNo, variant }),
    reset: async () => void (await call("POST", "/sandbox/reset")),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

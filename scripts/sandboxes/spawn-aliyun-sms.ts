import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { SandboxMessage } from "./aliyun-sms";

export interface SpawnedSmsSandbox {
  /** SMS_PROVIDER, ALIYUN_SMS_ENDPOINT, ALIYUN_ACCESS_KEY_ID/SECRET, ALIYUN_SMS_SIGN_NAME, ALIYUN_SMS_TEMPLATE_CODE. */
  env: Record<string, string>;
  endpoint: string;
  /** The phone's messages, read over HTTP as any other process would. */
  inbox(phone: string): Promise<SandboxMessage[]>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Starts the Aliyun SMS sandbox as its own OS process (tests, scripts): the app under test talks
 * to it over the network exactly as it would to Aliyun. Resolves once it prints its settings.
 */
export async function spawnSmsSandbox(port = 0): Promise<SpawnedSmsSandbox> {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "scripts/sandboxes/aliyun-sms.ts"), "--port", String(port)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const env: Record<string, string> = {};
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the SMS sandbox exited (${code}) before it was ready`)));
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      const m = /^([A-Z_]+)=(.*)$/.exec(line);
      if (m) env[m[1]!] = m[2]!;
      if (env.ALIYUN_SMS_TEMPLATE_CODE) resolve();
    });
  });
  child.removeAllListeners("exit");
  const endpoint = env.ALIYUN_SMS_ENDPOINT!;
  return {
    env,
    endpoint,
    inbox: async (phone) => ((await (await fetch(`${endpoint}/inbox?phone=${encodeURIComponent(phone)}`)).json()) as { messages: SandboxMessage[] }).messages,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

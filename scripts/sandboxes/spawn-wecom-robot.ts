import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { FailMode, RobotMessage } from "./wecom-robot";

export interface SpawnedWecomSandbox {
  origin: string;
  robotUrl(key: string): string;
  /** What a robot got, read over HTTP as any other process would. */
  messages(key: string): Promise<RobotMessage[]>;
  fail(key: string, mode: FailMode): Promise<void>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Starts the WeCom robot sandbox as its own OS process (tests, the demo). Resolves once it prints its address. */
export async function spawnWecomSandbox(port = 0): Promise<SpawnedWecomSandbox> {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "scripts/sandboxes/wecom-robot.ts"), "--port", String(port)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the WeCom sandbox exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const m = /^WECOM_SANDBOX_URL=(.*)$/.exec(line);
      if (m) resolve(m[1]!);
    });
  });
  child.removeAllListeners("exit");
  return {
    origin,
    robotUrl: (key) => `${origin}/cgi-bin/webhook/send?key=${encodeURIComponent(key)}`,
    messages: async (key) => ((await (await fetch(`${origin}/messages?key=${encodeURIComponent(key)}`)).json()) as { messages: RobotMessage[] }).messages,
    fail: async (key, mode) => {
      await fetch(`${origin}/fail?key=${encodeURIComponent(key)}&mode=${mode}`, { method: "POST" });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

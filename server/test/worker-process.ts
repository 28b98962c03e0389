import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface WorkerProcess {
  pid: number;
  /** Everything the worker printed (stdout and stderr), line by line. */
  output: string[];
  /** Ends the process with `signal` (SIGKILL: a real crash, no clean-up) and waits for its exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  exited: Promise<number | null>;
}

/**
 * `npm run worker` as its own OS process (scripts/worker.ts), pointed at the test database
 * and the sandboxes through `env` — the same program production runs, so killing it is a real
 * process exit, not a cancelled promise.
 */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  // node with tsx's loader rather than the tsx CLI: the CLI runs the script in a child process,
  // so a SIGKILL to it would orphan the real worker instead of killing it.
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/worker.ts")], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream }).on("line", (l) => output.push(l));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    pid: child.pid!,
    output,
    exited,
    kill: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

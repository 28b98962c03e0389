import { describe, expect, it } from "vitest";
import { settleEach } from "./job-context";

describe("settleEach: a batch settled job by job", () => {
  it("fails only the job that threw and completes the others with their output", async () => {
    const handle = settleEach("test.queue", async (job: { id: string; data: { n: number } }) => {
      if (job.data.n === 2) throw new Error("receiver down");
      return { doubled: job.data.n * 2 };
    });
    const results = await handle([1, 2, 3].map((n) => ({ id: `j${n}`, data: { n } })));
    expect(results.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: "j1", status: "completed", output: { doubled: 2 } },
      { id: "j2", status: "failed", output: { message: "receiver down" } },
      { id: "j3", status: "completed", output: { doubled: 6 } },
    ]);
  });

  it("runs at most `concurrency` jobs at once and every job exactly once", async () => {
    let running = 0;
    let most = 0;
    const seen: string[] = [];
    const handle = settleEach(
      "test.queue",
      async (job: { id: string }) => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setImmediate(r));
        seen.push(job.id);
        running--;
      },
      3,
    );
    const results = await handle(Array.from({ length: 10 }, (_, i) => ({ id: `j${i}` })));
    expect(most).toBe(3);
    expect(seen.sort()).toEqual(results.map((r) => r.id).sort());
    expect(new Set(seen).size).toBe(10);
  });
});

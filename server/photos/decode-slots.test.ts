import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { DecodeSlots } from "./decode-slots";
import { MAX_CONCURRENT_DECODES, MAX_QUEUED_DECODES, PhotoRejected, processUpload } from "./process-photo";

describe("DecodeSlots", () => {
  it("runs at most `slots` at once, queues `queue` more and refuses the rest", async () => {
    const slots = new DecodeSlots(2, 1);
    let running = 0;
    let peak = 0;
    const releases: Array<() => void> = [];
    const work = () =>
      new Promise<string>((resolve) => {
        running++;
        peak = Math.max(peak, running);
        releases.push(() => {
          running--;
          resolve("done");
        });
      });
    const a = slots.run(work);
    const b = slots.run(work);
    const c = slots.run(work);
    expect(await slots.run(work)).toBeNull();
    expect(slots.inUse).toBe(2);
    expect(slots.queued).toBe(1);
    releases.shift()!();
    await a;
    // The queued one got the freed slot.
    await new Promise((r) => setTimeout(r, 0));
    expect(running).toBe(2);
    releases.splice(0).forEach((r) => r());
    await b;
    await new Promise((r) => setTimeout(r, 0));
    releases.splice(0).forEach((r) => r());
    expect(await c).toEqual({ value: "done" });
    expect(peak).toBe(2);
    expect(slots.inUse).toBe(0);
  });

  it("a failing job frees its slot", async () => {
    const slots = new DecodeSlots(1, 0);
    await expect(slots.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await slots.run(async () => 1)).toEqual({ value: 1 });
  });
});

describe("processUpload under a burst", () => {
  it("refuses uploads beyond the decode slots and queue with `busy`, and processes the others", async () => {
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#888" } }).jpeg().toBuffer();
    const burst = MAX_CONCURRENT_DECODES + MAX_QUEUED_DECODES + 3;
    const results = await Promise.allSettled(Array.from({ length: burst }, () => processUpload(photo)));
    const busy = results.filter((r) => r.status === "rejected" && r.reason instanceof PhotoRejected && r.reason.code === "busy");
    expect(busy).toHaveLength(3);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_CONCURRENT_DECODES + MAX_QUEUED_DECODES);
  });
});

/** `npm run demo`'s robots: one per working role on a shop without channels, re-pointed at each run's sandbox. */
import { describe, expect, it } from "vitest";
import { linkDemoRobots } from "../../scripts/seed/demo-robots";
import { staffChannels } from "../../db/schema";
import { createTestDatabase } from "../test/db";

const { db, url } = await createTestDatabase();

describe("the demo's WeCom robots", () => {
  it("are added once, then follow the sandbox to its new port; channels of the shop's own are left alone", async () => {
    await linkDemoRobots(url, "http://127.0.0.1:4021");
    const first = await db.select().from(staffChannels);
    expect(first.map((c) => c.role).sort()).toEqual(["customer_service", "finance", "operations_manager", "warehouse"]);
    expect(first.every((c) => c.target.startsWith("http://127.0.0.1:4021/cgi-bin/webhook/send?key=demo-"))).toBe(true);
    await db.insert(staffChannels).values({ role: "admin", kind: "wecom", target: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=real" });
    await linkDemoRobots(url, "http://127.0.0.1:5555");
    const second = await db.select().from(staffChannels);
    expect(second).toHaveLength(5);
    expect(second.filter((c) => c.target.startsWith("http://127.0.0.1:5555/cgi-bin/webhook/send?key=demo-"))).toHaveLength(4);
    expect(second.find((c) => c.role === "admin")?.target).toBe("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=real");
  });
});

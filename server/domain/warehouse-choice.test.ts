import { describe, expect, it } from "vitest";
import { chooseWarehouse, covers, type WarehouseCandidate } from "./warehouse-choice";

const at = (n: number) => new Date(Date.UTC(2026, 10, 1, 0, n));
const w = (id: string, over: Partial<WarehouseCandidate> = {}): WarehouseCandidate => ({
  id,
  isDefault: false,
  active: true,
  channelCodes: [],
  categoryIds: [],
  createdAt: at(0),
  ...over,
});

const hangzhou = w("hangzhou", { isDefault: true });
const electronics = w("shenzhen", { categoryIds: ["phones", "laptops"], createdAt: at(1) });
const taobao = w("taobao", { channelCodes: ["taobao"], createdAt: at(2) });
const jdPhones = w("jd-phones", { channelCodes: ["jd"], categoryIds: ["phones"], createdAt: at(3) });

describe("chooseWarehouse", () => {
  it("sends a request nothing narrower covers to the default", () => {
    expect(chooseWarehouse([hangzhou, electronics, taobao], { channelCode: "own_shop", categoryIds: ["shirts"] })).toBe("hangzhou");
  });

  it("picks the warehouse whose categories cover every category of the request", () => {
    expect(chooseWarehouse([hangzhou, electronics], { channelCode: "own_shop", categoryIds: ["phones", "laptops"] })).toBe("shenzhen");
  });

  it("does not pick a category warehouse when one line is of another category", () => {
    expect(chooseWarehouse([hangzhou, electronics], { channelCode: "own_shop", categoryIds: ["phones", "shirts"] })).toBe("hangzhou");
  });

  it("picks a channel warehouse for that channel's orders only", () => {
    expect(chooseWarehouse([hangzhou, taobao], { channelCode: "taobao", categoryIds: ["shirts"] })).toBe("taobao");
    expect(chooseWarehouse([hangzhou, taobao], { channelCode: "jd", categoryIds: ["shirts"] })).toBe("hangzhou");
  });

  it("prefers the most specific of several that cover: channel and category, then category, then channel", () => {
    const all = [hangzhou, taobao, electronics, jdPhones];
    expect(chooseWarehouse(all, { channelCode: "jd", categoryIds: ["phones"] })).toBe("jd-phones");
    expect(chooseWarehouse(all, { channelCode: "taobao", categoryIds: ["phones"] })).toBe("shenzhen");
    expect(chooseWarehouse(all, { channelCode: "taobao", categoryIds: ["shirts"] })).toBe("taobao");
  });

  it("skips an inactive warehouse", () => {
    expect(chooseWarehouse([hangzhou, { ...electronics, active: false }], { channelCode: "own_shop", categoryIds: ["phones"] })).toBe("hangzhou");
  });

  it("breaks a tie by age, whatever order the rows come in", () => {
    const older = w("older", { categoryIds: ["phones"], createdAt: at(1) });
    const newer = w("newer", { categoryIds: ["phones"], createdAt: at(5) });
    expect(chooseWarehouse([hangzhou, newer, older], { channelCode: "jd", categoryIds: ["phones"] })).toBe("older");
    expect(chooseWarehouse([older, newer, hangzhou], { channelCode: "jd", categoryIds: ["phones"] })).toBe("older");
  });

  it("never lets a non-default warehouse without channels or categories take the default's requests", () => {
    expect(chooseWarehouse([w("spare", { createdAt: at(9) }), hangzhou], { channelCode: "jd", categoryIds: ["shirts"] })).toBe("hangzhou");
  });

  it("answers null with no warehouse at all", () => {
    expect(chooseWarehouse([], { channelCode: "jd", categoryIds: [] })).toBeNull();
  });

  it("an empty list means every channel and every category", () => {
    expect(covers(w("any"), { channelCode: "douyin", categoryIds: ["a", "b"] })).toBe(true);
  });
});

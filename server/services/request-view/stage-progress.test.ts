import { describe, expect, it } from "vitest";
import type { Action, ReturnStatus, Stage } from "../../domain/vocabulary";
import { currentStage, stageProgress, type ProgressEvent } from "./stage-progress";

let seq = 0;
const ev = (action: Action, fromStatus: ReturnStatus | null, toStatus: ReturnStatus, role = "customer_service", actorName: string | null = "王客服"): ProgressEvent => ({
  seq: ++seq,
  action,
  fromStatus,
  toStatus,
  role,
  actorName,
  createdAt: new Date(2026, 10, 1, 0, seq),
});
const states = (p: ReturnType<typeof stageProgress>) => p.map((s) => [s.stage, s.state]);
const route = (...stages: Stage[]) => ({ stages });

describe("stageProgress", () => {
  it("a fresh request: the first stage is current, the rest upcoming", () => {
    const p = stageProgress({ status: "pending_cs_review", infoReturnStatus: null, route: route("cs_review", "refund") }, [ev("submit", null, "pending_cs_review", "customer", null)]);
    expect(states(p)).toEqual([
      ["cs_review", "current"],
      ["refund", "upcoming"],
    ]);
  });

  it("a completed exchange: every stage done, each with who acted", () => {
    const events = [
      ev("submit", null, "pending_cs_review", "customer", null),
      ev("approve", "pending_cs_review", "awaiting_shipment"),
      ev("ship", "awaiting_shipment", "in_transit", "customer", null),
      ev("receive", "in_transit", "pending_replacement", "warehouse", "李仓管"),
      ev("ship_replacement", "pending_replacement", "completed", "warehouse", "李仓管"),
    ];
    const p = stageProgress({ status: "completed", infoReturnStatus: null, route: route("cs_review", "customer_shipment", "warehouse_inspection", "replacement") }, events);
    expect(states(p).every(([, s]) => s === "done")).toBe(true);
    expect(p.find((s) => s.stage === "warehouse_inspection")!.actors).toEqual([expect.objectContaining({ name: "李仓管", action: "receive" })]);
  });

  it("an inspection mismatch keeps the inspection current until operations decides, then shows both actors", () => {
    const base = { infoReturnStatus: null, route: route("cs_review", "customer_shipment", "warehouse_inspection", "refund") };
    const events = [
      ev("approve", "pending_cs_review", "awaiting_shipment"),
      ev("ship", "awaiting_shipment", "in_transit", "customer", null),
      ev("receive", "in_transit", "inspection_mismatch", "warehouse", "李仓管"),
    ];
    expect(stageProgress({ ...base, status: "inspection_mismatch" }, events).find((s) => s.stage === "warehouse_inspection")!.state).toBe("current");
    const decided = stageProgress({ ...base, status: "pending_refund" }, [...events, ev("accept_partial", "inspection_mismatch", "pending_refund", "operations_manager", "赵运营")]);
    expect(decided.find((s) => s.stage === "warehouse_inspection")).toMatchObject({ state: "done", actors: [{ name: "李仓管" }, { name: "赵运营" }] });
    expect(decided.find((s) => s.stage === "refund")!.state).toBe("current");
  });

  it("a rejection marks the stage rejected and the rest skipped; an appeal brings operations review in", () => {
    const base = { infoReturnStatus: null, route: route("cs_review", "refund") };
    const rejected = [ev("reject", "pending_cs_review", "rejected")];
    expect(states(stageProgress({ ...base, status: "rejected" }, rejected))).toEqual([
      ["cs_review", "rejected"],
      ["refund", "skipped"],
    ]);
    const appealed = [...rejected, ev("appeal", "rejected", "pending_ops_review", "customer", null)];
    expect(states(stageProgress({ ...base, status: "pending_ops_review" }, appealed))).toEqual([
      ["cs_review", "rejected"],
      ["ops_review", "current"],
      ["refund", "upcoming"],
    ]);
  });

  it("an escalation skips customer service review", () => {
    const p = stageProgress({ status: "pending_ops_review", infoReturnStatus: null, route: route("cs_review", "refund") }, [ev("escalate", "pending_cs_review", "pending_ops_review", "system", null)]);
    expect(states(p)).toEqual([
      ["cs_review", "skipped"],
      ["ops_review", "current"],
      ["refund", "upcoming"],
    ]);
  });

  it("a cancelled request leaves the stages ahead skipped", () => {
    const p = stageProgress({ status: "cancelled", infoReturnStatus: null, route: route("cs_review", "customer_shipment", "warehouse_inspection", "refund") }, [
      ev("approve", "pending_cs_review", "awaiting_shipment"),
      ev("cancel", "awaiting_shipment", "cancelled", "customer", null),
    ]);
    expect(states(p)).toEqual([
      ["cs_review", "done"],
      ["customer_shipment", "skipped"],
      ["warehouse_inspection", "skipped"],
      ["refund", "skipped"],
    ]);
  });
});

describe("currentStage", () => {
  it("waits on the stage the information was asked for", () => {
    expect(currentStage("needs_info", "pending_ops_review")).toBe("ops_review");
    expect(currentStage("needs_info", null)).toBe("cs_review");
  });
  it("knows the in-between statuses", () => {
    expect(currentStage("in_transit", null)).toBe("warehouse_inspection");
    expect(currentStage("refunding", null)).toBe("refund");
    expect(currentStage("completed", null)).toBeNull();
  });
});

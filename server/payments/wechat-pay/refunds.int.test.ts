/**
 * The WeChat Pay adapter against the sandbox started as its own process: real v3 signatures both
 * ways, the sandbox's ledger as the proof of how often money moved, and every fault mode mapped
 * onto the refund flow's answers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnWechatPaySandbox, type SpawnedWechatPaySandbox } from "../../../scripts/sandboxes/spawn-wechat-pay";
import { adapterFor, refundFor } from "./sandbox-gateway.test-helpers";

let sandbox: SpawnedWechatPaySandbox;
beforeAll(async () => {
  sandbox = await spawnWechatPaySandbox();
}, 30_000);
afterAll(() => sandbox?.stop());

const lookup = (r: { outRefundNo: string; orderNo: string }) => ({ outRefundNo: r.outRefundNo, orderNo: r.orderNo, gatewayTxnId: null });
const entry = async (outRefundNo: string) => (await sandbox.ledger()).filter((e) => e.outRefundNo === outRefundNo);

describe("WeChat Pay refunds against the sandbox process", () => {
  it("a refund succeeds: the money moves once and the answer carries WeChat's refund id, amount and time", async () => {
    const gw = adapterFor(sandbox.env);
    const r = refundFor({ amountFen: 1234 });
    const answer = await gw.start(r);
    expect(answer).toMatchObject({ state: "succeeded", amountFen: 1234, code: "SUCCESS" });
    if (answer.state !== "succeeded") throw new Error("unreachable");
    expect(answer.gatewayRefundId).toMatch(/^\d{20,}$/);
    expect(answer.succeededAt).toBeInstanceOf(Date);
    expect(await gw.query(lookup(r))).toMatchObject({ state: "succeeded", gatewayRefundId: answer.gatewayRefundId, amountFen: 1234 });
    expect(await entry(r.outRefundNo)).toMatchObject([{ status: "SUCCESS", amountFen: 1234, requests: 1 }]);
  });

  it("the same refund number sent again (and concurrently) pays once and answers the same refund", async () => {
    const gw = adapterFor(sandbox.env);
    const r = refundFor();
    const answers = await Promise.all(Array.from({ length: 5 }, () => gw.start(r)));
    const ids = new Set(answers.map((a) => (a.state === "succeeded" ? a.gatewayRefundId : a.state)));
    expect(ids.size).toBe(1);
    expect(answers.every((a) => a.state === "succeeded")).toBe(true);
    const rows = await entry(r.outRefundNo);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ requests: 5, status: "SUCCESS" });
  });

  it("refunds of one trade never add up to more than it was paid: the one too many is refused and pays nothing", async () => {
    const gw = adapterFor(sandbox.env);
    const first = refundFor({ amountFen: 3000, totalPaidFen: 5000 });
    const second = refundFor({ orderNo: first.orderNo, amountFen: 2500, totalPaidFen: 5000 });
    expect((await gw.start(first)).state).toBe("succeeded");
    expect(await gw.start(second)).toMatchObject({ state: "refused", code: "INVALID_REQUEST" });
    expect(await entry(second.outRefundNo)).toHaveLength(0);
  });

  it("a number WeChat never accepted is refused on query (RESOURCE_NOT_EXISTS)", async () => {
    expect(await adapterFor(sandbox.env).query(lookup(refundFor()))).toMatchObject({ state: "refused", code: "RESOURCE_NOT_EXISTS" });
  });

  it("a request signed with another merchant key is refused by the sandbox (SIGN_ERROR) and pays nothing", async () => {
    const { generateKeyPairSync } = await import("node:crypto");
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const r = refundFor();
    expect(await adapterFor(sandbox.env, { WECHATPAY_PRIVATE_KEY: other }).start(r)).toMatchObject({ state: "refused", code: "SIGN_ERROR" });
    expect(await entry(r.outRefundNo)).toHaveLength(0);
  });
});

describe("answers the adapter must not believe", () => {
  it("an answer signed with a key other than WeChat's is unknown, even though the refund went through", async () => {
    const { generateKeyPairSync } = await import("node:crypto");
    const otherPublic = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();
    const r = refundFor();
    const answer = await adapterFor(sandbox.env, { WECHATPAY_PLATFORM_PUBLIC_KEY: otherPublic }).start(r);
    expect(answer).toMatchObject({ state: "unknown" });
    expect(answer.message).toMatch(/signature does not verify/);
  });

  it("an answer carrying an unknown Wechatpay-Serial is unknown", async () => {
    const answer = await adapterFor(sandbox.env, { WECHATPAY_PLATFORM_KEY_ID: "PUB_KEY_ID_0000000000000000000000000000" }).query(lookup(refundFor()));
    expect(answer).toMatchObject({ state: "unknown" });
    expect(answer.message).toMatch(/unknown key/);
  });
});

describe("fault modes map onto the refund flow's answers", () => {
  it("timeout: the call is unknown, yet the refund was paid (once) and a query finds it", async () => {
    const gw = adapterFor(sandbox.env, { WECHATPAY_TIMEOUT_MS: 500 });
    const r = refundFor();
    await sandbox.armFault({ mode: "timeout", outRefundNo: r.outRefundNo, delaySeconds: 5 });
    expect(await gw.start(r)).toMatchObject({ state: "unknown" });
    expect(await gw.query(lookup(r))).toMatchObject({ state: "succeeded" });
    expect(await gw.start(r)).toMatchObject({ state: "succeeded" });
    expect(await entry(r.outRefundNo)).toMatchObject([{ status: "SUCCESS", requests: 2 }]);
  });

  it("server_error: the call is unknown and nothing happened; the same number then pays once", async () => {
    const gw = adapterFor(sandbox.env);
    const r = refundFor();
    await sandbox.armFault({ mode: "server_error", outRefundNo: r.outRefundNo });
    expect(await gw.start(r)).toMatchObject({ state: "unknown", code: "SYSTEM_ERROR" });
    expect(await entry(r.outRefundNo)).toHaveLength(0);
    expect(await gw.start(r)).toMatchObject({ state: "succeeded" });
    expect(await entry(r.outRefundNo)).toHaveLength(1);
  });

  it("processing_for_a_while: PROCESSING to the call and the next queries, then SUCCESS", async () => {
    const gw = adapterFor(sandbox.env);
    const r = refundFor();
    await sandbox.armFault({ mode: "processing_for_a_while", outRefundNo: r.outRefundNo, times: 2 });
    expect(await gw.start(r)).toMatchObject({ state: "processing" });
    expect(await gw.query(lookup(r))).toMatchObject({ state: "processing" });
    expect(await gw.query(lookup(r))).toMatchObject({ state: "processing" });
    expect(await gw.query(lookup(r))).toMatchObject({ state: "succeeded" });
    expect(await entry(r.outRefundNo)).toMatchObject([{ status: "SUCCESS", requests: 1 }]);
  });

  it("closed: accepted as PROCESSING, then CLOSED without paying; its amount is free for a new number", async () => {
    const gw = adapterFor(sandbox.env);
    const r = refundFor({ amountFen: 5000, totalPaidFen: 5000 });
    await sandbox.armFault({ mode: "closed", outRefundNo: r.outRefundNo });
    expect(await gw.start(r)).toMatchObject({ state: "processing" });
    await expect.poll(() => gw.query(lookup(r))).toMatchObject({ state: "closed", code: "CLOSED" });
    expect(await entry(r.outRefundNo)).toMatchObject([{ status: "CLOSED", succeededAt: null }]);
    const retry = { ...r, outRefundNo: r.outRefundNo.replace(/-1$/, "-2") };
    expect(await gw.start(retry)).toMatchObject({ state: "succeeded", amountFen: 5000 });
  });

  it("abnormal: accepted as PROCESSING, then ABNORMAL (a person must act)", async () => {
    const gw = adapterFor(sandbox.env);
    const r = refundFor();
    await sandbox.armFault({ mode: "abnormal", outRefundNo: r.outRefundNo });
    expect(await gw.start(r)).toMatchObject({ state: "processing" });
    await expect.poll(() => gw.query(lookup(r))).toMatchObject({ state: "abnormal", code: "ABNORMAL" });
  });

  it("a fault armed for any number hits the next new refund only, and reset clears what is left", async () => {
    const gw = adapterFor(sandbox.env);
    await sandbox.armFault({ mode: "server_error", times: 2 });
    expect((await gw.start(refundFor())).state).toBe("unknown");
    await sandbox.reset();
    expect((await gw.start(refundFor())).state).toBe("succeeded");
  });
});

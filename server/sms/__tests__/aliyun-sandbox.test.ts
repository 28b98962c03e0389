/**
 * The Aliyun adapter against the sandbox, started as its own process: the official SDK's signed
 * SendSms arrives, is checked, and lands in the phone's inbox; a wrong secret or an unknown key is
 * refused with Aliyun's error codes and nothing is delivered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSmsSandbox, type SpawnedSmsSandbox } from "../../../scripts/sandboxes/spawn-aliyun-sms";
import { AliyunSmsSender } from "../aliyun";
import { SmsDeliveryError } from "../sender";

let sandbox: SpawnedSmsSandbox;
beforeAll(async () => {
  sandbox = await spawnSmsSandbox();
}, 30_000);
afterAll(() => sandbox?.stop());

const sender = (over: { accessKeyId?: string; accessKeySecret?: string; signName?: string } = {}) =>
  new AliyunSmsSender({
    endpoint: sandbox.endpoint,
    accessKeyId: over.accessKeyId ?? sandbox.env.ALIYUN_ACCESS_KEY_ID!,
    accessKeySecret: over.accessKeySecret ?? sandbox.env.ALIYUN_ACCESS_KEY_SECRET!,
    signName: over.signName ?? sandbox.env.ALIYUN_SMS_SIGN_NAME!,
  });

async function refusal(p: Promise<unknown>): Promise<SmsDeliveryError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SmsDeliveryError) return e;
    throw e;
  }
  throw new Error("expected the send to be refused");
}

describe("Aliyun SMS adapter against the sandbox process", () => {
  it("a correctly signed SendSms is delivered to the phone's inbox with its template filled in", async () => {
    // Characters that need percent-encoding in the signed query, to prove the canonical form matches.
    const params = { code: "042917", shop: "退换货 & Co (test)*! 100%+1" };
    const res = await sender().send({ phone: "13811112222", templateCode: sandbox.env.ALIYUN_SMS_TEMPLATE_CODE!, params });
    expect(res.messageId).toMatch(/\S/);
    const inbox = await sandbox.inbox("13811112222");
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ phone: "13811112222", params, bizId: res.messageId });
    expect(inbox[0]!.text).toBe("【退换货】您的验证码为042917，5分钟内有效，请勿泄露于他人！");
  });

  it("a request signed with the wrong secret is refused as SignatureDoesNotMatch, and nothing is delivered", async () => {
    const e = await refusal(sender({ accessKeySecret: "not-the-secret" }).send({ phone: "13811113333", templateCode: sandbox.env.ALIYUN_SMS_TEMPLATE_CODE!, params: { code: "123456" } }));
    expect(e.code).toBe("SignatureDoesNotMatch");
    // The SDK's own message quotes the URL (number and code): the adapter's error carries neither.
    expect(e.message).not.toContain("123456");
    expect(e.message).not.toContain("13811113333");
    expect(await sandbox.inbox("13811113333")).toEqual([]);
  });

  it("an unknown AccessKey is refused as InvalidAccessKeyId.NotFound", async () => {
    const e = await refusal(sender({ accessKeyId: "LTAI-unknown" }).send({ phone: "13811114444", templateCode: sandbox.env.ALIYUN_SMS_TEMPLATE_CODE!, params: { code: "1" } }));
    expect(e.code).toBe("InvalidAccessKeyId.NotFound");
    expect(await sandbox.inbox("13811114444")).toEqual([]);
  });

  it("an unsigned request gets Aliyun's error body", async () => {
    const res = await fetch(`${sandbox.endpoint}/?PhoneNumbers=13811115555&SignName=x&TemplateCode=y`, { method: "POST" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ Code: "IncompleteSignature", RequestId: expect.any(String) });
  });

  it("business refusals (unknown template, wrong signature name) arrive as errors with Aliyun's isv codes", async () => {
    expect((await refusal(sender().send({ phone: "13811116666", templateCode: "SMS_NOPE", params: {} }))).code).toBe("isv.SMS_TEMPLATE_ILLEGAL");
    expect((await refusal(sender({ signName: "别家" }).send({ phone: "13811116666", templateCode: sandbox.env.ALIYUN_SMS_TEMPLATE_CODE!, params: { code: "1" } }))).code).toBe(
      "isv.SMS_SIGNATURE_ILLEGAL",
    );
    expect(await sandbox.inbox("13811116666")).toEqual([]);
  });
});

import type { Env } from "../env";
import { ALIYUN_SMS_DEFAULT_ENDPOINT, AliyunSmsSender } from "./aliyun";
import type { SmsSender } from "./sender";

export interface SmsSetup {
  sender: SmsSender;
  /** The approved template for verification codes (parameter `code`). */
  codeTemplate: string;
}

/** What is missing for SMS_PROVIDER to work, in words for the operator (empty = ready). */
export function smsSetupProblems(e: Env): string[] {
  if (e.SMS_PROVIDER === "none") return [];
  const missing: string[] = (["ALIYUN_ACCESS_KEY_ID", "ALIYUN_ACCESS_KEY_SECRET", "ALIYUN_SMS_SIGN_NAME", "ALIYUN_SMS_TEMPLATE_CODE"] as const).filter((k) => !e[k]);
  if (e.SMS_PROVIDER === "sandbox" && !e.ALIYUN_SMS_ENDPOINT) missing.push("ALIYUN_SMS_ENDPOINT");
  return missing.length ? [`SMS_PROVIDER=${e.SMS_PROVIDER} needs ${missing.join(", ")}.`] : [];
}

/** The configured SMS sender, or null when SMS_PROVIDER=none (or it is incomplete: the start-up check says why). */
export function smsSetupFromEnv(e: Env): SmsSetup | null {
  if (e.SMS_PROVIDER === "none" || smsSetupProblems(e).length > 0) return null;
  return {
    sender: new AliyunSmsSender({
      endpoint: e.ALIYUN_SMS_ENDPOINT ?? ALIYUN_SMS_DEFAULT_ENDPOINT,
      accessKeyId: e.ALIYUN_ACCESS_KEY_ID!,
      accessKeySecret: e.ALIYUN_ACCESS_KEY_SECRET!,
      signName: e.ALIYUN_SMS_SIGN_NAME!,
    }),
    codeTemplate: e.ALIYUN_SMS_TEMPLATE_CODE!,
  };
}

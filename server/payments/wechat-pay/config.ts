import type { KeyObject } from "node:crypto";

/** Everything the WeChat Pay adapter needs, already parsed (server/payments/wechat-pay/from-env.ts builds it). */
export interface WechatPayConfig {
  /** https://api.mch.weixin.qq.com, or the sandbox's http://127.0.0.1:PORT. No trailing slash. */
  baseUrl: string;
  mchid: string;
  /** Serial number of the merchant's API certificate: tells WeChat which key signed the request. */
  merchantSerial: string;
  merchantPrivateKey: KeyObject;
  /** WeChat Pay's public key ("微信支付公钥") and its id (PUB_KEY_ID_…), sent back in Wechatpay-Serial. */
  platformPublicKey: KeyObject;
  platformKeyId: string;
  /** The 32-byte APIv3 key that encrypts notification resources. */
  apiV3Key: string;
  /** A call without an answer after this long counts as `unknown` (the refund is queried later). */
  timeoutMs: number;
}

/** WeChat rejects a response or notification whose timestamp is further than this from now. */
export const MAX_SIGNATURE_AGE_SECONDS = 300;

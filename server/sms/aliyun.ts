import * as dysmsapi from "@alicloud/dysmsapi20170525";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import { SmsDeliveryError, type SmsMessage, type SmsSender } from "./sender";

// The SDK is CommonJS with `exports.default`: Node's ESM loader hands that over as `.default.default`,
// bundlers as `.default`. Take whichever is the class.
type DysmsapiClient = typeof dysmsapi.default;
const Dysmsapi: DysmsapiClient =
  typeof dysmsapi.default === "function" ? dysmsapi.default : (dysmsapi.default as unknown as { default: DysmsapiClient }).default;
const { SendSmsRequest } = dysmsapi;

export const ALIYUN_SMS_DEFAULT_ENDPOINT = "https://dysmsapi.aliyuncs.com";

export interface AliyunSmsConfig {
  /** `https://dysmsapi.aliyuncs.com`, or `http://127.0.0.1:PORT` for the local sandbox. */
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
}

/**
 * Aliyun SMS through its official SDK (@alicloud/dysmsapi20170525): SendSms, RPC style, signed
 * with the AccessKey (ACS3-HMAC-SHA256). The endpoint is configurable so the demo and the tests
 * talk to the sandbox process with the very same requests.
 */
export class AliyunSmsSender implements SmsSender {
  private readonly client: InstanceType<DysmsapiClient>;

  constructor(private readonly config: AliyunSmsConfig) {
    const url = new URL(config.endpoint);
    this.client = new Dysmsapi(
      new $OpenApiUtil.Config({
        accessKeyId: config.accessKeyId,
        accessKeySecret: config.accessKeySecret,
        endpoint: url.host,
        protocol: url.protocol === "http:" ? "HTTP" : "HTTPS",
        // Aliyun recommends ≥ 1 s for mainland SMS; a request still hanging after this is given up.
        connectTimeout: 3000,
        readTimeout: 5000,
      }),
    );
  }

  async send(message: SmsMessage): Promise<{ messageId: string }> {
    const request = new SendSmsRequest({
      phoneNumbers: message.phone,
      signName: this.config.signName,
      templateCode: message.templateCode,
      templateParam: JSON.stringify(message.params),
      ...(message.outId ? { outId: message.outId } : {}),
    });
    let body;
    try {
      body = (await this.client.sendSms(request)).body;
    } catch (e) {
      // The SDK throws for HTTP errors (bad signature, unknown key, throttling) with Aliyun's code.
      // Its message quotes the request URL, which holds the number and the template parameters
      // (the code itself): only the code travels on, so no log line can carry them.
      const code = (e as { code?: unknown }).code;
      throw new SmsDeliveryError(typeof code === "string" ? code : "NetworkError", "Aliyun SMS did not accept the request");
    }
    // Business refusals (unknown template, illegal number, carrier limits) come back as HTTP 200.
    if (body?.code !== "OK") throw new SmsDeliveryError(body?.code ?? "Unknown", "Aliyun SMS refused the message");
    return { messageId: body.bizId ?? body.requestId ?? "" };
  }
}

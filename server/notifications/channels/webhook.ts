import { signWebhook, WEBHOOK_HEADERS } from "../signature";
import { httpAttempt, postJson } from "./http-post";
import type { Attempt } from "./result";

/** One POST of an integrator's webhook: 2xx = delivered, anything else (or no answer in time) = retry. */
export async function sendWebhook(
  endpoint: { url: string; secret: string },
  message: { deliveryId: string; action: string; body: string },
  options: { timeoutMs: number; now?: () => Date },
): Promise<Attempt> {
  const timestamp = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  return httpAttempt(
    await postJson(
      endpoint.url,
      message.body,
      {
        [WEBHOOK_HEADERS.delivery]: message.deliveryId,
        [WEBHOOK_HEADERS.timestamp]: String(timestamp),
        [WEBHOOK_HEADERS.signature]: signWebhook(endpoint.secret, timestamp, message.body),
        [WEBHOOK_HEADERS.event]: message.action,
      },
      options.timeoutMs,
    ),
  );
}

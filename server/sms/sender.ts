/**
 * What the app needs from an SMS provider: send one templated message to one phone. Carriers in
 * China only deliver pre-approved templates, so callers name a template and fill its parameters
 * instead of writing text. Verification codes use it now; the notifications reuse it.
 */
export interface SmsMessage {
  /** 11-digit mainland number. */
  phone: string;
  /** The provider's approved template id (Aliyun: SMS_123456789). */
  templateCode: string;
  /** The template's `${name}` parameters. */
  params: Record<string, string>;
  /** Our own id for the message (Aliyun OutId, echoed in its receipts): a notification's delivery id. */
  outId?: string;
}

export interface SmsSender {
  /** Resolves with the provider's message id once the provider accepted the message. */
  send(message: SmsMessage): Promise<{ messageId: string }>;
}

/** The provider refused or could not be reached. `code` is the provider's own (e.g. isv.MOBILE_NUMBER_ILLEGAL). */
export class SmsDeliveryError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "SmsDeliveryError";
  }
}

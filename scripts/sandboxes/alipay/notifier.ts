import { generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import { rsa2Sign, signingString } from "./signing";

/**
 * Alipay's asynchronous notification: a form-encoded POST to the notify_url, signed with
 * Alipay's key; anything but the reply text `success` is a failed delivery, tried again (Alipay
 * spreads 8 tries over 25 hours; the sandbox tries 6 times over about half a minute and logs
 * each failure). Every delivery is kept for the control API (`GET /sandbox/notifications`).
 */
export interface Delivery {
  outRefundNo: string;
  notifyUrl: string;
  forged: boolean;
  attempts: number;
  delivered: boolean;
  lastReply: string | null;
  fields: Record<string, string>;
}

const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 16000];

export class Notifier {
  readonly deliveries: Delivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;
  /** A key that is not Alipay's: what a forger would sign with. */
  private forgerKey: KeyObject | undefined;

  constructor(private readonly alipayKey: KeyObject) {}

  send(outRefundNo: string, notifyUrl: string, fields: Record<string, string>, options: { forged?: boolean; delayMs?: number } = {}): void {
    const forged = options.forged ?? false;
    const params = { ...fields, notify_id: randomBytes(16).toString("hex"), notify_time: fields.notify_time ?? "" };
    const signed = { ...params, sign_type: "RSA2", sign: rsa2Sign(signingString(params, ["sign", "sign_type"]), forged ? this.forger() : this.alipayKey) };
    const delivery: Delivery = { outRefundNo, notifyUrl, forged, attempts: 0, delivered: false, lastReply: null, fields: signed };
    this.deliveries.push(delivery);
    this.later(() => void this.attempt(delivery, 0), options.delayMs ?? 50);
  }

  private forger(): KeyObject {
    this.forgerKey ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    return this.forgerKey;
  }

  private async attempt(delivery: Delivery, retry: number): Promise<void> {
    if (this.closed) return;
    delivery.attempts += 1;
    try {
      const res = await fetch(delivery.notifyUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
        body: new URLSearchParams(delivery.fields).toString(),
        signal: AbortSignal.timeout(15_000),
      });
      delivery.lastReply = `${res.status} ${(await res.text()).slice(0, 100)}`;
      if (res.ok && delivery.lastReply.slice(4).trim() === "success") {
        delivery.delivered = true;
        return;
      }
    } catch (e) {
      delivery.lastReply = `error ${(e as Error).message}`;
    }
    console.error(`[alipay sandbox] notification for ${delivery.outRefundNo} to ${delivery.notifyUrl} not accepted (${delivery.lastReply}); try ${delivery.attempts}`);
    const wait = RETRY_DELAYS_MS[retry];
    if (wait !== undefined) this.later(() => void this.attempt(delivery, retry + 1), wait);
  }

  private later(fn: () => void, ms: number) {
    if (this.closed) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

import type { ReturnStatus } from "../../domain/vocabulary";

/**
 * The body of an integrator's webhook: the same fields for every event, so an ERP or WMS can
 * follow a request's life from its RMA number. `deliveryId` is the same on every retry and
 * re-send (drop duplicates by it); `eventId` is the history event's own id.
 */
export interface WebhookBody {
  deliveryId: string;
  eventId: number;
  /** The return request's id (uuid). */
  requestId: string;
  rmaNo: string;
  action: string;
  fromStatus: ReturnStatus | null;
  toStatus: ReturnStatus;
  /** When the event happened (ISO 8601, UTC). */
  at: string;
  actor: { type: "customer" | "staff" | "system"; role: string };
}

export function webhookBody(b: WebhookBody): string {
  return JSON.stringify({
    deliveryId: b.deliveryId,
    eventId: b.eventId,
    requestId: b.requestId,
    rmaNo: b.rmaNo,
    action: b.action,
    fromStatus: b.fromStatus,
    toStatus: b.toStatus,
    at: b.at,
    actor: b.actor,
  });
}

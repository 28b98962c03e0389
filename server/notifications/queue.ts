import type { TxSql } from "../../db/client";
import { enqueueWithin } from "../jobs/boss";
import { QUEUES, type NotifyDeliverJob, type NotifyEventJob } from "../jobs/queues";

/**
 * The notifications' outbox is the job queue itself (docs/decisions/032): the job is written in
 * the transaction that writes the history event, so it exists exactly when the event does.
 */
export async function queueEventNotifications(tx: TxSql, event: NotifyEventJob): Promise<void> {
  await enqueueWithin(tx, QUEUES.notifyEvent, { requestId: event.requestId, seq: event.seq } satisfies NotifyEventJob, {
    singletonKey: `${event.requestId}:${event.seq}`,
  });
}

/** One send of one delivery, with its retries. None is added while one is still queued or retrying (exclusive queue). */
export async function queueDelivery(tx: TxSql, deliveryId: string): Promise<void> {
  await enqueueWithin(tx, QUEUES.notifyDeliver, { deliveryId } satisfies NotifyDeliverJob, { singletonKey: deliveryId });
}

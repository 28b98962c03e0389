import { randomBytes } from "node:crypto";
import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import { sqlOf, type Db, type DbOrTx } from "../../db/client";
import { notificationDeliveries, returnEvents, returnRequests, staffAudit, staffChannels, webhookEndpoints } from "../../db/schema";
import { sealSecret } from "../auth/secret-box";
import { AppError } from "../domain/errors";
import type { ChannelRow, DeliveriesInput, DeliveriesPage, DeliveryStatus, EndpointRow, SaveChannelInput, SaveEndpointInput } from "../schemas/notifications";
import { queueDelivery } from "./queue";

/**
 * The store manager's side of notifications (router `notifications`): the delivery log with
 * re-send, integrators' webhook endpoints and the staff channels. Every change writes one
 * staff_audit row in its own transaction.
 */

const PAGE_SIZE = 50;

function audit(tx: DbOrTx, actorId: string, action: string, details: Record<string, unknown>) {
  return tx.insert(staffAudit).values({ actorId, targetId: null, action, details });
}

/** `createdAt|id` of the last row shown: the next page starts strictly after it (newest first). */
function encodeCursor(createdAt: Date, id: string): string {
  return `${createdAt.toISOString()}|${id}`;
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = cursor.split("|");
  const createdAt = new Date(at ?? "");
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id };
}

export async function listDeliveries(db: DbOrTx, input: DeliveriesInput): Promise<DeliveriesPage> {
  const where: SQL[] = [];
  if (input.channel) where.push(eq(notificationDeliveries.channel, input.channel));
  if (input.status) where.push(eq(notificationDeliveries.status, input.status));
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  if (after) {
    where.push(
      or(lt(notificationDeliveries.createdAt, after.createdAt), and(eq(notificationDeliveries.createdAt, after.createdAt), lt(notificationDeliveries.id, after.id)))!,
    );
  }
  const rows = await db
    .select({
      id: notificationDeliveries.id,
      channel: notificationDeliveries.channel,
      target: notificationDeliveries.target,
      templateKey: notificationDeliveries.templateKey,
      rmaNo: returnRequests.rmaNo,
      eventAction: sql<string>`${returnEvents.action}::text`,
      status: notificationDeliveries.status,
      attempts: notificationDeliveries.attempts,
      lastResponse: notificationDeliveries.lastResponse,
      lastAttemptAt: notificationDeliveries.lastAttemptAt,
      sentAt: notificationDeliveries.sentAt,
      createdAt: notificationDeliveries.createdAt,
    })
    .from(notificationDeliveries)
    .innerJoin(returnEvents, eq(returnEvents.id, notificationDeliveries.eventId))
    .leftJoin(returnRequests, eq(returnRequests.id, notificationDeliveries.requestId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
    .limit(PAGE_SIZE + 1);
  const items = rows.slice(0, PAGE_SIZE);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor(last.createdAt, last.id) : null };
}

/**
 * Sends a delivery again with the SAME id (the receiver recognises it): back to pending and one
 * notify.deliver job. While a job for it is still queued or retrying, none is added.
 */
export async function resendDelivery(db: Db, actorId: string, deliveryId: string): Promise<{ id: string; status: DeliveryStatus }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(notificationDeliveries)
      .set({ status: "pending" })
      .where(eq(notificationDeliveries.id, deliveryId))
      .returning({ id: notificationDeliveries.id, status: notificationDeliveries.status, channel: notificationDeliveries.channel });
    if (!row) throw new AppError("not_found");
    await queueDelivery(sqlOf(tx), row.id);
    await audit(tx, actorId, "notification_resend", { deliveryId: row.id, channel: row.channel });
    return { id: row.id, status: row.status };
  });
}

export async function listEndpoints(db: DbOrTx): Promise<EndpointRow[]> {
  const rows = await db
    .select({
      id: webhookEndpoints.id,
      name: webhookEndpoints.name,
      url: webhookEndpoints.url,
      events: webhookEndpoints.events,
      active: webhookEndpoints.active,
      createdAt: webhookEndpoints.createdAt,
      lastStatus: sql<DeliveryStatus | null>`last.status`,
      lastAt: sql<Date | string | null>`last.at`,
    })
    .from(webhookEndpoints)
    .leftJoin(
      sql`LATERAL (
        SELECT d.status, coalesce(d.last_attempt_at, d.created_at) AS at FROM notification_deliveries d
        WHERE d.channel = 'webhook' AND d.target_ref = ${webhookEndpoints.id}::text
        ORDER BY d.created_at DESC, d.id DESC LIMIT 1) last`,
      sql`true`,
    )
    .orderBy(desc(webhookEndpoints.active), webhookEndpoints.name, webhookEndpoints.createdAt);
  return rows.map(({ lastStatus, lastAt, ...r }) => ({ ...r, lastDelivery: lastStatus && lastAt ? { status: lastStatus, at: new Date(lastAt) } : null }));
}

/** A new signing secret: 32 random bytes, prefixed so it is recognisable in a config file. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export async function saveEndpoint(db: Db, actorId: string, input: SaveEndpointInput): Promise<{ id: string; secret?: string }> {
  const events = [...new Set(input.events)];
  return db.transaction(async (tx) => {
    if (input.id) {
      const [row] = await tx
        .update(webhookEndpoints)
        .set({ name: input.name, url: input.url, events, active: input.active, updatedAt: new Date() })
        .where(eq(webhookEndpoints.id, input.id))
        .returning({ id: webhookEndpoints.id });
      if (!row) throw new AppError("not_found");
      await audit(tx, actorId, "webhook_update", { endpointId: row.id, name: input.name, url: input.url, events, active: input.active });
      return { id: row.id };
    }
    const secret = newSecret();
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ name: input.name, url: input.url, events, active: input.active, secret: sealSecret(secret), createdBy: actorId })
      .returning({ id: webhookEndpoints.id });
    await audit(tx, actorId, "webhook_create", { endpointId: row!.id, name: input.name, url: input.url, events, active: input.active });
    return { id: row!.id, secret };
  });
}

export async function rotateEndpointSecret(db: Db, actorId: string, id: string): Promise<{ secret: string }> {
  const secret = newSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx.update(webhookEndpoints).set({ secret: sealSecret(secret), updatedAt: new Date() }).where(eq(webhookEndpoints.id, id)).returning({ id: webhookEndpoints.id });
    if (!row) throw new AppError("not_found");
    await audit(tx, actorId, "webhook_rotate_secret", { endpointId: id });
    return { secret };
  });
}

export async function listChannels(db: DbOrTx): Promise<ChannelRow[]> {
  return db
    .select({ id: staffChannels.id, role: staffChannels.role, kind: staffChannels.kind, target: staffChannels.target, active: staffChannels.active })
    .from(staffChannels)
    .orderBy(staffChannels.role, staffChannels.kind, staffChannels.createdAt);
}

export async function saveChannel(db: Db, actorId: string, input: SaveChannelInput): Promise<ChannelRow> {
  return db.transaction(async (tx) => {
    const values = { role: input.role, kind: input.kind, target: input.target, active: input.active };
    const columns = { id: staffChannels.id, role: staffChannels.role, kind: staffChannels.kind, target: staffChannels.target, active: staffChannels.active };
    const [row] = input.id
      ? await tx.update(staffChannels).set({ ...values, updatedAt: new Date() }).where(eq(staffChannels.id, input.id)).returning(columns)
      : await tx.insert(staffChannels).values(values).returning(columns);
    if (!row) throw new AppError("not_found");
    // The robot URL holds its key: the audit names the channel, not the key.
    await audit(tx, actorId, input.id ? "staff_channel_update" : "staff_channel_create", { channelId: row.id, role: row.role, kind: row.kind, active: row.active });
    return row;
  });
}

/** Deliveries keep their label; the channel itself goes. */
export async function removeChannel(db: Db, actorId: string, id: string): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(staffChannels).where(eq(staffChannels.id, id)).returning({ id: staffChannels.id, role: staffChannels.role, kind: staffChannels.kind });
    if (!row) throw new AppError("not_found");
    await audit(tx, actorId, "staff_channel_remove", { channelId: row.id, role: row.role, kind: row.kind });
    return { id: row.id };
  });
}

import { pgEnum } from "drizzle-orm/pg-core";
import {
  ACTIONS,
  CHANNEL_CODES,
  DISPOSITIONS,
  ITEM_CONDITIONS,
  PAYMENT_METHODS,
  REFUND_CHANNELS,
  REFUND_KINDS,
  REFUND_STATUSES,
  REASON_KINDS,
  RETURN_STATUSES,
  RETURN_TYPES,
  STAFF_ROLES,
  STOCK_MOVEMENT_REASONS,
} from "../../server/domain/vocabulary";

export const staffRole = pgEnum("staff_role", STAFF_ROLES);
export const returnType = pgEnum("return_type", RETURN_TYPES);
export const returnStatus = pgEnum("return_status", RETURN_STATUSES);
export const returnAction = pgEnum("return_action", ACTIONS);
export const reasonKind = pgEnum("reason_kind", REASON_KINDS);
export const paymentMethod = pgEnum("payment_method", PAYMENT_METHODS);
export const channelCode = pgEnum("channel_code", CHANNEL_CODES);
export const itemCondition = pgEnum("item_condition", ITEM_CONDITIONS);
export const orderStatus = pgEnum("order_status", ["pending_payment", "paid", "shipped", "delivered", "closed"]);
export const actorType = pgEnum("actor_type", ["customer", "staff", "system"]);
export const refundStatus = pgEnum("refund_status", REFUND_STATUSES);
export const refundChannel = pgEnum("refund_channel", REFUND_CHANNELS);
export const refundKind = pgEnum("refund_kind", REFUND_KINDS);
export const stockMovementReason = pgEnum("stock_movement_reason", STOCK_MOVEMENT_REASONS);
export const disposition = pgEnum("disposition", DISPOSITIONS);

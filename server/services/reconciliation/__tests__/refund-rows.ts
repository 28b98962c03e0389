import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { refunds, staffUsers } from "../../../../db/schema";
import type { RefundChannel, RefundKind, RefundStatus } from "../../../domain/vocabulary";
import { makeOrder, submitFor } from "../../../test/fixtures";

/** A paid order and a submitted request to hang refund records on (reconciliation reads refunds only). */
export async function requestForRefunds(db: Db, paidFen = 100_000) {
  const made = await makeOrder(db, [{ priceFen: paidFen }]);
  const { res } = await submitFor(db, made, "refund_only");
  return { requestId: res.id, orderId: made.order.id, rmaNo: res.rmaNo, orderNo: made.order.orderNo, gatewayTxnId: made.order.gatewayTxnId };
}

export interface RefundSpec {
  requestId: string;
  orderId: string;
  outRefundNo: string;
  amountFen: number;
  channel?: RefundChannel;
  status?: RefundStatus;
  kind?: RefundKind;
  succeededAt?: Date | null;
  createdAt?: Date;
  gatewayRefundId?: string | null;
  createdBy?: string | null;
  offlineReference?: string | null;
}

/** A refund record written directly, as the refund flow would leave it. */
export async function insertRefund(db: Db, s: RefundSpec) {
  const status = s.status ?? "succeeded";
  const [row] = await db
    .insert(refunds)
    .values({
      requestId: s.requestId,
      orderId: s.orderId,
      outRefundNo: s.outRefundNo,
      amountFen: s.amountFen,
      gateway: s.channel === "wechat_pay" ? "wechat_pay" : "alipay",
      channel: s.channel ?? "alipay",
      status,
      kind: s.kind ?? "goods",
      gatewayRefundId: s.gatewayRefundId === undefined ? `G-${s.outRefundNo}` : s.gatewayRefundId,
      succeededAt: s.succeededAt === undefined ? (status === "succeeded" ? (s.createdAt ?? new Date()) : null) : s.succeededAt,
      createdAt: s.createdAt ?? new Date(),
      createdBy: s.createdBy ?? null,
      offlineReference: s.offlineReference ?? null,
    })
    .returning();
  return row!;
}

export async function renameStaff(db: Db, id: string, name: string) {
  await db.update(staffUsers).set({ name }).where(eq(staffUsers.id, id));
}

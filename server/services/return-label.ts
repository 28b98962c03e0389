import { and, asc, eq, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { customers, orderLines, returnLines, returnRequests, skus } from "../../db/schema";
import { AppError } from "../domain/errors";
import { mayReadRequest } from "../domain/read-access";
import { labelRefusal, type LabelRefusal } from "../domain/return-label";
import type { StaffRole } from "../domain/vocabulary";
import { maskPhone } from "./mask-phone";
import { warehouseAddressOf, type WarehouseAddress } from "./warehouses";

/** What a return slip prints: the RMA, where the parcel goes, what should be in it, and whose it is (phone masked). */
export interface ReturnLabel {
  requestId: string;
  rmaNo: string;
  type: string;
  status: string;
  createdAt: Date;
  warehouse: WarehouseAddress | null;
  lines: { id: string; title: string; attributes: Record<string, string>; quantity: number }[];
  customer: { name: string; phone: string };
  /** Why the slip is not printed now; null when it is. */
  refusal: LabelRefusal | null;
}

async function labelWhere(db: DbOrTx, where: SQL, viewer: "customer" | "staff", role?: StaffRole): Promise<ReturnLabel> {
  const [row] = await db
    .select({ request: returnRequests, customerName: customers.name, customerPhone: customers.phone })
    .from(returnRequests)
    .innerJoin(customers, eq(customers.id, returnRequests.customerId))
    .where(where);
  if (!row) throw new AppError("not_found");
  const r = row.request;
  // Staff see a label only of a request they may open (the warehouse: requests with goods).
  if (role && !mayReadRequest(role, r)) throw new AppError("not_found");
  const refusal = labelRefusal({ status: r.status, stages: r.route.stages, goodsReceived: r.goodsReceived }, viewer);
  const [warehouse, lines] = await Promise.all([
    warehouseAddressOf(db, r.warehouseId),
    db
      .select({ id: returnLines.id, title: orderLines.title, attributes: skus.attributes, quantity: returnLines.quantity })
      .from(returnLines)
      .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
      .innerJoin(skus, eq(skus.id, orderLines.skuId))
      .where(eq(returnLines.requestId, r.id))
      .orderBy(asc(orderLines.title)),
  ]);
  return {
    requestId: r.id,
    rmaNo: r.rmaNo,
    type: r.type,
    status: r.status,
    createdAt: r.createdAt,
    warehouse,
    lines,
    customer: { name: row.customerName, phone: maskPhone(row.customerPhone) },
    refusal,
  };
}

/** The customer's own request only: someone else's is simply not found (as on the tracking page). */
export function returnLabelForCustomer(db: DbOrTx, customerId: string, rmaNo: string): Promise<ReturnLabel> {
  return labelWhere(db, and(eq(returnRequests.rmaNo, rmaNo), eq(returnRequests.customerId, customerId))!, "customer");
}

/** For staff who may open the request (server/domain/read-access.ts). */
export function returnLabelForStaff(db: DbOrTx, requestId: string, role: StaffRole): Promise<ReturnLabel> {
  return labelWhere(db, eq(returnRequests.id, requestId), "staff", role);
}

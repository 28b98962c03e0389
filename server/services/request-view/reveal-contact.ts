import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { contactReveals, customers, returnRequests } from "../../../db/schema";
import { AppError } from "../../domain/errors";
import { mayReadRequest, mayReveal, type RevealField } from "../../domain/read-access";
import type { StaffViewer } from "./index";

/**
 * A customer's full contact datum for a request, for a role whose work needs it. The access
 * row is written in the same transaction as the read: no value leaves without its record.
 */
export async function revealContact(db: Db, viewer: StaffViewer, requestId: string, field: RevealField): Promise<{ field: RevealField; value: string }> {
  if (!mayReveal(viewer.role, field)) throw new AppError("forbidden");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: returnRequests.status, route: returnRequests.route, goodsReceived: returnRequests.goodsReceived, phone: customers.phone })
      .from(returnRequests)
      .innerJoin(customers, eq(customers.id, returnRequests.customerId))
      .where(eq(returnRequests.id, requestId));
    if (!row || !mayReadRequest(viewer.role, row)) throw new AppError("not_found");
    await tx.insert(contactReveals).values({ staffId: viewer.id, staffRole: viewer.role, requestId, field });
    const values: Record<RevealField, string> = { phone: row.phone };
    return { field, value: values[field] };
  });
}

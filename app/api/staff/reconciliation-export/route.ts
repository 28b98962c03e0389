import { createHttpContext } from "@/server/api/http-context";
import { reconciliationExport } from "@/server/api/reconciliation-export";

/** Refunds by day and channel compared with the gateway's statements, as CSV or Excel (finance and admin). */
export async function GET(req: Request) {
  return reconciliationExport(req, await createHttpContext(req, new Headers()));
}

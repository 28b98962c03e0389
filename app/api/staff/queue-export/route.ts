import { filtersFromSearch } from "@/components/staff/queue/search-params";
import { createHttpContext } from "@/server/api/http-context";
import { queueExport } from "@/server/api/queue-export";

/** The queue view as CSV, with the queue page's own URL filters (components/staff/queue/search-params.ts). */
export async function GET(req: Request) {
  const filters = filtersFromSearch(Object.fromEntries(new URL(req.url).searchParams));
  return queueExport(req, await createHttpContext(req, new Headers()), filters);
}

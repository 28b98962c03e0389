/**
 * Ceilings of the tRPC endpoint (app/api/trpc). The largest real input — a return with every
 * line of an order and its descriptions, or a bulk queue action — is a few KB; photos go through
 * /api/photos. The staff client's batch link sends at most TRPC_MAX_BATCH calls at once (the
 * H5 client does not batch); a longer batch is refused before any procedure runs.
 */
export const TRPC_MAX_BODY_BYTES = 256 * 1024;
export const TRPC_MAX_BATCH = 10;

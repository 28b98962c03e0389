import { collectDefaultMetrics, Histogram, Registry } from "prom-client";

/**
 * The process's metrics registry (Prometheus text format, GET /api/metrics). Counted in THIS
 * process: with N app servers, each scrape of one server shows its own requests (scrape every
 * server, or sum in Prometheus). The database-derived gauges (db-gauges.ts) are global instead.
 * Kept on globalThis: Next may evaluate this module once per bundled chunk, and a metric
 * registered twice under one name is an error.
 */
interface AppMetrics {
  registry: Registry;
  trpcDuration: Histogram<"procedure" | "type" | "outcome">;
}

const KEY = Symbol.for("tuihuanhuo.metrics");
const holder = globalThis as unknown as Record<symbol, AppMetrics | undefined>;

function create(): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "tuihuanhuo_process_" });
  const trpcDuration = new Histogram({
    name: "tuihuanhuo_trpc_request_duration_seconds",
    help: "tRPC procedure latency in this process, by procedure, type (query/mutation) and outcome (ok or the tRPC error code)",
    labelNames: ["procedure", "type", "outcome"] as const,
    // From a cached read to the request deadline (REQUEST_DEADLINE_MS, 15 s by default).
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
    registers: [registry],
  });
  return { registry, trpcDuration };
}

export function appMetrics(): AppMetrics {
  return (holder[KEY] ??= create());
}

/** One answered tRPC procedure call. */
export function observeProcedure(procedure: string, type: string, outcome: string, seconds: number): void {
  appMetrics().trpcDuration.observe({ procedure, type, outcome }, seconds);
}

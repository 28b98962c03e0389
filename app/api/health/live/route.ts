/**
 * Liveness for a load balancer or process supervisor: the Node process answers. It never touches
 * the database, so a database outage does not get healthy app processes restarted (they recover
 * by themselves when it returns); use /api/health/ready to stop sending traffic instead.
 */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}

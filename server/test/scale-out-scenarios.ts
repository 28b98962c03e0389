import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";
import superjson from "superjson";
import { createDb, type Db } from "../../db/client";
import { webhookEndpoints } from "../../db/schema";
import { sealSecret } from "../auth/secret-box";
import { createStaffUser } from "../auth/staff-users";
import { bossOver } from "../jobs/boss";
import { maskPhone } from "../log/mask";
import { QUEUES } from "../jobs/queues";
import { WEBHOOK_HEADERS } from "../notifications/signature";
import { CLUSTER_SECRET_KEY, type Cluster } from "./cluster";
import { makeOrder } from "./fixtures";

/**
 * What the scale-out tests do to a cluster (server/test/cluster.ts), as plain HTTP against its
 * app servers and SQL against its database. Each scenario returns what it observed; the tests
 * (e2e/scale-out.spec.ts with a small N, server/scale-out/scale-out.long.test.ts with a large one)
 * assert on it.
 */

export interface Caller {
  ip: string;
  cookies: Map<string, string>;
}

export function newCaller(ip: string): Caller {
  return { ip, cookies: new Map() };
}

function cookieHeader(c: Caller): string {
  return [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
}

function keepCookies(c: Caller, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    if (value === "" || /max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) c.cookies.delete(name);
    else c.cookies.set(name, value);
  }
}

export interface TrpcAnswer<T = unknown> {
  status: number;
  data?: T;
  appCode?: string | null;
  requestId: string | null;
}

/** One tRPC call (no batching) on app server `base`, as `caller` (its address via X-Forwarded-For, its cookies). */
export async function trpc<T = unknown>(base: string, caller: Caller, path: string, input: unknown, opts: { mutation?: boolean; requestId?: string } = {}): Promise<TrpcAnswer<T>> {
  const headers: Record<string, string> = { "x-forwarded-for": caller.ip, cookie: cookieHeader(caller) };
  if (opts.requestId) headers["x-request-id"] = opts.requestId;
  const encoded = JSON.stringify(superjson.serialize(input));
  const res = opts.mutation
    ? await fetch(`${base}/api/trpc/${path}`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: encoded })
    : await fetch(`${base}/api/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(encoded)}`}`, { headers });
  keepCookies(caller, res);
  const body = (await res.json()) as { result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: { json: { data?: { appCode?: string | null } } } };
  return {
    status: res.status,
    data: body.result ? (superjson.deserialize(body.result.data) as T) : undefined,
    appCode: body.error?.json.data?.appCode ?? null,
    requestId: res.headers.get("x-request-id"),
  };
}

/** A mainland mobile number nobody else in the run uses. */
export function uniquePhone(): string {
  return `13${Math.floor(Math.random() * 7) + 3}${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
}

/** Signs a customer in with an SMS code asked for on `askOn` and typed on `verifyOn` (demo mode returns the code). */
export async function signInCustomer(askOn: string, verifyOn: string, caller: Caller, phone: string): Promise<void> {
  const asked = await trpc<{ demoCode?: string }>(askOn, caller, "customer.requestCode", { phone }, { mutation: true });
  if (!asked.data?.demoCode) throw new Error(`requestCode on ${askOn}: ${asked.status} ${asked.appCode}`);
  const verified = await trpc(verifyOn, caller, "customer.verifyCode", { phone, code: asked.data.demoCode }, { mutation: true });
  if (verified.status !== 200) throw new Error(`verifyCode on ${verifyOn}: ${verified.status} ${verified.appCode}`);
}

/**
 * A customer signs in across two processes (code asked on one, typed on the other), is known on
 * both, signs out on the second and is then unknown on the first.
 */
export async function customerSessionAcross(cluster: Cluster, ownerDb: Db, ip: string) {
  const [a, b] = cluster.apps.map((p) => p.url) as [string, string];
  const phone = uniquePhone();
  // A code is sent only to a phone the shop knows (a customer with an order).
  await makeOrder(ownerDb, [{ priceFen: 10_00 }], { phone });
  const caller = newCaller(ip);
  await signInCustomer(a, b, caller, phone);
  const onA = await trpc<{ phone: string } | null>(a, caller, "customer.me", undefined);
  const onB = await trpc<{ phone: string } | null>(b, caller, "customer.me", undefined);
  await trpc(b, caller, "customer.signOut", undefined, { mutation: true });
  const stale = newCaller(ip);
  // The cookie the browser had before signing out, replayed on the other process.
  const afterSignOut = await trpc<{ phone: string } | null>(a, Object.assign(stale, { cookies: new Map(caller.cookies) }), "customer.me", undefined);
  // customer.me shows the phone masked (138****5678).
  return { shownPhone: maskPhone(phone), meOnA: onA.data?.phone ?? null, meOnB: onB.data?.phone ?? null, meAfterSignOut: afterSignOut.data ?? null };
}

/** Auth.js credentials sign-in over HTTP (what the login form posts). */
async function signInStaff(base: string, caller: Caller, email: string, password: string): Promise<void> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { "x-forwarded-for": caller.ip, cookie: cookieHeader(caller) } });
  keepCookies(caller, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "x-forwarded-for": caller.ip, cookie: cookieHeader(caller), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/staff" }).toString(),
  });
  keepCookies(caller, res);
  if (![...caller.cookies.keys()].some((k) => k.includes("session-token"))) throw new Error(`staff sign-in on ${base} set no session (status ${res.status})`);
}

/** Auth.js sign-out over HTTP: ends the session row (server/auth/auth.ts events.signOut). */
async function signOutStaff(base: string, caller: Caller): Promise<Map<string, string>> {
  const before = new Map(caller.cookies);
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { "x-forwarded-for": caller.ip, cookie: cookieHeader(caller) } });
  keepCookies(caller, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "x-forwarded-for": caller.ip, cookie: cookieHeader(caller), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/login" }).toString(),
  });
  keepCookies(caller, res);
  return before;
}

/**
 * A staff member signs in on one process and works on the other; signs out there, and the old
 * cookie then fails on the first (the session row ended, not only the cookie).
 */
export async function staffSessionAcross(cluster: Cluster, ownerDb: Db, ip: string) {
  const [a, b] = cluster.apps.map((p) => p.url) as [string, string];
  const email = `cs-${randomUUID().slice(0, 8)}@cluster.test`;
  const password = "cluster passphrase";
  await createStaffUser(ownerDb, { email, name: "集群客服", password, role: "customer_service" });
  const caller = newCaller(ip);
  await signInStaff(a, caller, email, password);
  const meOnB = await trpc<{ email: string }>(b, caller, "staff.me", undefined);
  const meOnA = await trpc<{ email: string }>(a, caller, "staff.me", undefined);
  const oldCookies = await signOutStaff(b, caller);
  const replay = await trpc(a, { ip, cookies: oldCookies }, "staff.me", undefined);
  return { email, meOnA: meOnA.data?.email ?? null, meOnB: meOnB.data?.email ?? null, replayStatus: replay.status };
}

/**
 * `calls` customer.signOut calls, 50 at a time, (limit 60 a minute per address) from one address,
 * spread over every app server: the limit counts in the database, so exactly 60 pass in all.
 */
export async function rateLimitAcross(cluster: Cluster, ip: string, calls: number) {
  const caller = newCaller(ip);
  // In waves of 50 at once: concurrent enough to race on the one counter row, without turning the
  // test into an overload test of two servers' connection pools.
  const answers: TrpcAnswer[] = [];
  for (let start = 0; start < calls; start += 50) {
    const wave = Array.from({ length: Math.min(50, calls - start) }, (_, k) => start + k);
    answers.push(...(await Promise.all(wave.map((i) => trpc(cluster.apps[i % cluster.apps.length]!.url, { ...caller, cookies: new Map() }, "customer.signOut", undefined, { mutation: true })))));
  }
  const passedPerServer = cluster.apps.map((_, s) => answers.filter((x, i) => i % cluster.apps.length === s && x.status === 200).length);
  const others = answers.filter((x) => x.status !== 200 && x.appCode !== "rate_limited").map((x) => `${x.status} ${x.appCode}`);
  return { passed: answers.filter((x) => x.status === 200).length, limited: answers.filter((x) => x.appCode === "rate_limited").length, others, passedPerServer };
}

/** A local webhook receiver: every POST recorded with its delivery id; answers 200. */
export async function webhookReceiver(): Promise<{ url: string; received: { deliveryId: string; event: string }[]; close: () => Promise<void> }> {
  const received: { deliveryId: string; event: string }[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received.push({ deliveryId: String(req.headers[WEBHOOK_HEADERS.delivery] ?? ""), event: String(req.headers[WEBHOOK_HEADERS.event] ?? "") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((r) => server.close(() => r())) };
}

/** An integrator endpoint for every event, pointing at `url`, its secret sealed with the cluster's key. */
export async function addWebhookEndpoint(ownerDb: Db, url: string): Promise<void> {
  await ownerDb.insert(webhookEndpoints).values({ name: "cluster ERP", url, events: [], active: true, secret: sealSecret("whsec_cluster", CLUSTER_SECRET_KEY) });
}

/**
 * `count` customers each submit one refund-only request, alternating app servers, each call with
 * its own request id (so the jobs it queues can be traced in the workers' logs). Returns the ids.
 */
export async function submitRequests(cluster: Cluster, ownerDb: Db, count: number, ipPrefix: string): Promise<{ ids: string[]; requestIds: string[] }> {
  const ids: string[] = [];
  const requestIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const phone = uniquePhone();
    const made = await makeOrder(ownerDb, [{ priceFen: 59_00 }], { phone });
    // A customer per address (10.21.0.1, 10.21.0.2, …): per-address sign-in limits stay out of the way.
    const caller = newCaller(`${ipPrefix}.${Math.floor(i / 250)}.${(i % 250) + 1}`);
    const app = cluster.apps[i % cluster.apps.length]!.url;
    const other = cluster.apps[(i + 1) % cluster.apps.length]!.url;
    await signInCustomer(app, other, caller, phone);
    const rid = `so-submit-${randomUUID()}`;
    const res = await trpc<{ id: string }>(
      other,
      caller,
      "customer.submit",
      { orderId: made.order.id, type: "refund_only", idempotencyKey: randomUUID(), lines: made.lines.map((l) => ({ orderLineId: l.line.id, quantity: 1, reasonCode: "size_not_fit" })) },
      { mutation: true, requestId: rid },
    );
    if (!res.data) throw new Error(`submit: ${res.status} ${res.appCode}`);
    ids.push(res.data.id);
    requestIds.push(rid);
  }
  return { ids, requestIds };
}

/**
 * Makes every open deadline of `ids` due now (the request's deadline and its job's copy moved
 * one second into the past), and queues a second copy of each job: both workers then compete for
 * twice as many jobs as deadlines, and each deadline must still act once.
 */
export async function makeDeadlinesDue(sql: postgres.Sql, ids: string[]): Promise<number> {
  const due = await sql<{ id: string; iso: string }[]>`
    UPDATE return_requests SET deadline_at = date_trunc('milliseconds', now()) - interval '1 second'
     WHERE id = ANY(${ids}::uuid[]) AND deadline_at IS NOT NULL
    RETURNING id, to_char(deadline_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS iso`;
  const boss = bossOver(sql);
  for (const r of due) {
    const [job] = await sql<{ data: Record<string, unknown> }[]>`
      UPDATE pgboss.job SET start_after = now(), data = jsonb_set(data, '{deadlineAt}', to_jsonb(${r.iso}::text))
       WHERE name = ${QUEUES.deadlineFire} AND state = 'created' AND data->>'requestId' = ${r.id}
      RETURNING data`;
    if (!job) throw new Error(`no deadline job for ${r.id}`);
    await boss.send(QUEUES.deadlineFire, job.data);
  }
  return due.length;
}

/** Polls until `done` or the time is up; returns the last value. */
export async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() - started > timeoutMs) return v;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Jobs of a queue not yet finished (waiting, retrying or running). */
export async function unfinishedJobs(sql: postgres.Sql, queue: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${queue} AND state IN ('created', 'retry', 'active') AND start_after <= now()`;
  return row?.n ?? 0;
}

/** What the deadlines did: per request, the steps the system took because a deadline passed (they carry changes.deadlineAt). */
export async function deadlineActions(sql: postgres.Sql, ids: string[]) {
  return sql<{ requestId: string; actions: number; status: string }[]>`
    SELECT r.id AS "requestId", r.status::text AS status,
           (SELECT count(*)::int FROM return_events e WHERE e.request_id = r.id AND e.actor_type = 'system' AND e.changes ? 'deadlineAt') AS actions
      FROM return_requests r WHERE r.id = ANY(${ids}::uuid[])`;
}

/** The webhook deliveries of the requests' events: one row per (event, endpoint), with its status. */
export async function webhookDeliveries(sql: postgres.Sql, ids: string[]) {
  return sql<{ id: string; status: string; attempts: number }[]>`
    SELECT id::text, status, attempts FROM notification_deliveries WHERE channel = 'webhook' AND request_id = ANY(${ids}::uuid[])`;
}

/** Events of the requests (each should have one webhook delivery). */
export async function eventCount(sql: postgres.Sql, ids: string[]): Promise<number> {
  const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM return_events WHERE request_id = ANY(${ids}::uuid[])`;
  return row?.n ?? 0;
}

export function ownerDatabase(ownerUrl: string) {
  return createDb(ownerUrl, { max: 4 });
}

/**
 * Notifications end to end against the real database and job queue (docs/decisions/032): a
 * request's life reaches the customer's phone (the Aliyun SMS sandbox process), the staff's WeCom
 * robot (the WeCom sandbox process) and mailbox (a local SMTP server) and an integrator's receiver
 * (a local HTTP server) exactly once each; a rolled-back change sends nothing; a failing receiver
 * is retried and finally marked failed with its last answer; re-send uses the same delivery id.
 */
process.env.AUTH_SECRET ??= "integration-test-auth-secret-0123456789abcdef";

import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, inArray } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSmsSandbox, type SpawnedSmsSandbox } from "../../scripts/sandboxes/spawn-aliyun-sms";
import { spawnWecomSandbox, type SpawnedWecomSandbox } from "../../scripts/sandboxes/spawn-wecom-robot";
import type { Db } from "../../db/client";
import { notificationDeliveries, returnEvents, returnRequests, staffAudit } from "../../db/schema";
import { bossOver } from "../jobs/boss";
import { QUEUES } from "../jobs/queues";
import { envFrom } from "../env";
import { actOnRequest } from "../services/act-on-request";
import { fireDeadline } from "../services/deadlines/fire-deadline";
import { createTestDatabase } from "../test/db";
import { makeOrder, runRefundJobs, staffCaller, submitFor, testGateways } from "../test/fixtures";
import { notificationSetupFromEnv, type NotificationSetup } from "./config";
import { handleEventJob, startNotificationWorker } from "./worker";
import { verifyWebhook, WEBHOOK_HEADERS } from "./signature";
import { SMS_TEXTS } from "./templates/sms";

const { db, url } = await createTestDatabase();

interface Hook {
  headers: IncomingHttpHeaders;
  body: string;
}
const hooks: Hook[] = [];
let receiverFails = false;
const receiver = createServer((req, res) => {
  let body = "";
  req.on("data", (c: Buffer) => (body += c.toString("utf8")));
  req.on("end", () => {
    hooks.push({ headers: req.headers, body });
    if (receiverFails) {
      res.writeHead(503, { "content-type": "text/plain" });
      res.end("down for maintenance until 05:00");
    } else {
      res.writeHead(204);
      res.end();
    }
  });
});

interface Mail {
  to: string[];
  raw: string;
}
const mails: Mail[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    let raw = "";
    stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    stream.on("end", () => {
      mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
});

let sms: SpawnedSmsSandbox;
let wecom: SpawnedWecomSandbox;
let setup: NotificationSetup;
let stopWorker: () => Promise<void>;
let receiverUrl: string;
const workerLog: string[] = [];

beforeAll(async () => {
  [sms, wecom] = await Promise.all([spawnSmsSandbox(), spawnWecomSandbox()]);
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/returns`;
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  setup = notificationSetupFromEnv(
    envFrom({ ...sms.env, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: "退换货 <returns@shop.test>", AUTH_SECRET: process.env.AUTH_SECRET, NOTIFY_TIMEOUT_MS: "3000", AUTH_URL: "https://shop.test" }),
  );
  // Short waits between tries, so a failing receiver runs out of retries within the test: 3 tries, 1 s apart.
  const boss = bossOver(db.$client);
  await boss.start();
  await boss.updateQueue(QUEUES.notifyDeliver, { retryLimit: 2, retryDelay: 1, retryBackoff: false });
  await boss.stop({ graceful: false, close: false });
  stopWorker = await startNotificationWorker(url, { sql: db.$client, setup, log: (l) => workerLog.push(l) }, { pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 5 });
}, 60_000);

afterAll(async () => {
  await stopWorker?.();
  await Promise.all([sms?.stop(), wecom?.stop(), new Promise<void>((r) => receiver.close(() => r())), new Promise<void>((r) => smtp.close(() => r()))]);
});

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const got = await probe();
    if (got) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const deliveriesOf = (requestId: string) => db.select().from(notificationDeliveries).where(eq(notificationDeliveries.requestId, requestId));

/** Every delivery of the request is settled (none pending) and there are at least `n`. */
const settled = (requestId: string, n: number) =>
  until(`${n} settled deliveries`, async () => {
    const rows = await deliveriesOf(requestId);
    return rows.length >= n && rows.every((r) => r.status !== "pending") ? rows : null;
  });

const hooksFor = (rmaNo: string) => hooks.filter((h) => (JSON.parse(h.body) as { rmaNo: string }).rmaNo === rmaNo);
const qp = (raw: string) => raw.replace(/=\r?\n/g, "");

async function admin(db: Db) {
  return (await staffCaller(db, "admin")).caller;
}

/** Each story below has its own endpoint: the others' are switched off first. */
async function onlyEndpoint(a: Awaited<ReturnType<typeof admin>>, name: string, events: string[]) {
  await db.$client`UPDATE webhook_endpoints SET active = false`;
  return a.notifications.saveEndpoint({ name, url: receiverUrl, events, active: true });
}

/** Concurrent sends arrive in any order (receivers order by eventId / at): compared in event order. */
const byEvent = (rows: { id: string; eventId: number }[]) => (deliveryId: string | null | undefined) => rows.find((r) => r.id === deliveryId)?.eventId ?? -1;

describe("a refund-only request's life", () => {
  it("reaches the customer (SMS in their language), the staff (WeCom, e-mail) and the integrator (signed webhooks), each exactly once", async () => {
    const a = await admin(db);
    const endpoint = await onlyEndpoint(a, "ERP", []);
    expect(endpoint.secret).toMatch(/^whsec_/);
    await a.notifications.saveChannel({ role: "customer_service", kind: "wecom", target: wecom.robotUrl("test-cs"), active: true });
    await a.notifications.saveChannel({ role: "finance", kind: "email", target: "finance@shop.test", active: true });

    const made = await makeOrder(db, [{ priceFen: 60_00 }]);
    const s = await submitFor(db, made, "refund_only", { locale: "en" });
    const cs = await staffCaller(db, "customer_service");
    await cs.caller.staff.approve({ requestId: s.res.id, version: (await s.read()).version });
    const gateways = testGateways();
    const fin = await staffCaller(db, "finance", { gateways });
    await fin.caller.staff.refund({ requestId: s.res.id, version: (await s.read()).version });
    await runRefundJobs(db, gateways);
    expect((await s.read()).status).toBe("completed");

    const events = await db.select().from(returnEvents).where(eq(returnEvents.requestId, s.res.id)).orderBy(returnEvents.seq);
    expect(events.map((e) => e.action)).toEqual(["submit", "approve", "refund", "refund_succeeded"]);
    // SMS: submitted, approved (refund only), refunded. WeCom: the new request for customer service. E-mail: finance's new work.
    // Webhooks: one per event.
    const rows = await settled(s.res.id, 3 + 1 + 1 + events.length);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);

    const eventOf = byEvent(rows);
    const inbox = (await sms.inbox(made.customer.phone)).sort((x, y) => eventOf(x.outId) - eventOf(y.outId));
    const en = (key: keyof typeof SMS_TEXTS) => `【退换货】${SMS_TEXTS[key].en.replace("${rma}", s.res.rmaNo)}`;
    expect(inbox.map((m) => m.text)).toEqual([en("submitted"), en("refund_approved"), en("refunded")]);
    const smsRows = rows.filter((r) => r.channel === "sms");
    expect(inbox.map((m) => m.outId)).toEqual(smsRows.sort((x, y) => x.eventId - y.eventId).map((r) => r.id));

    const robot = await wecom.messages("test-cs");
    expect(robot.filter((m) => m.content.includes(s.res.rmaNo))).toHaveLength(1);
    expect(robot.find((m) => m.content.includes(s.res.rmaNo))).toMatchObject({ msgtype: "markdown", deliveryId: rows.find((r) => r.channel === "wecom")!.id });
    expect(robot.find((m) => m.content.includes(s.res.rmaNo))!.content).toContain(`https://shop.test/dashboard/requests/${s.res.id}`);

    const ours = mails.filter((m) => qp(m.raw).includes(s.res.rmaNo));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.to).toEqual(["finance@shop.test"]);
    expect(ours[0]!.raw).toContain(`Message-ID: <${rows.find((r) => r.channel === "email")!.id}@notifications.tuihuanhuo>`);

    const received = hooksFor(s.res.rmaNo).sort((x, y) => JSON.parse(x.body).eventId - JSON.parse(y.body).eventId);
    expect(received.map((h) => JSON.parse(h.body).action)).toEqual(events.map((e) => e.action));
    for (const h of received) {
      const body = JSON.parse(h.body) as Record<string, unknown>;
      expect(verifyWebhook(endpoint.secret!, { timestamp: String(h.headers[WEBHOOK_HEADERS.timestamp]), signature: String(h.headers[WEBHOOK_HEADERS.signature]) }, h.body)).toBe(true);
      expect(verifyWebhook("whsec_someone-else", { timestamp: String(h.headers[WEBHOOK_HEADERS.timestamp]), signature: String(h.headers[WEBHOOK_HEADERS.signature]) }, h.body)).toBe(false);
      expect(h.headers[WEBHOOK_HEADERS.delivery]).toBe(body.deliveryId);
      expect(rows.find((r) => r.id === body.deliveryId)).toMatchObject({ channel: "webhook", eventId: body.eventId });
      expect(body).toMatchObject({ requestId: s.res.id, rmaNo: s.res.rmaNo, at: expect.any(String) });
    }
    expect(received.map((h) => [JSON.parse(h.body).fromStatus, JSON.parse(h.body).toStatus])).toEqual(events.map((e) => [e.fromStatus, e.toStatus]));

    // The admin's log shows them, newest first (the order they were planned in: events of one
    // request may be planned in any order by a batch or by two workers), with the RMA number and the event.
    const log = await a.notifications.deliveries({ channel: "sms" });
    const smsLog = log.items.filter((i) => i.rmaNo === s.res.rmaNo);
    const masked = `${made.customer.phone.slice(0, 3)}****${made.customer.phone.slice(-4)}`;
    expect(smsLog.map((i) => [i.templateKey, i.eventAction, i.status, i.target]).sort()).toEqual([
      ["customer.refund_approved", "approve", "sent", masked],
      ["customer.refunded", "refund_succeeded", "sent", masked],
      ["customer.submitted", "submit", "sent", masked],
    ]);
    const times = smsLog.map((i) => new Date(i.createdAt).getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    await a.notifications.saveEndpoint({ id: endpoint.id, name: "ERP", url: receiverUrl, events: [], active: false });
  });
});

describe("an overdue item", () => {
  it("tells the roles the deadline names (finance's mailbox here), and the customer nothing", async () => {
    const made = await makeOrder(db, [{ priceFen: 45_00 }]);
    const s = await submitFor(db, made, "refund_only");
    const cs = await staffCaller(db, "customer_service");
    await cs.caller.staff.approve({ requestId: s.res.id, version: (await s.read()).version });
    const [req] = await db.select().from(returnRequests).where(eq(returnRequests.id, s.res.id));
    expect(req!.status).toBe("pending_refund");
    const fired = await fireDeadline(db, { requestId: req!.id, seq: 2, status: "pending_refund", deadlineAt: req!.deadlineAt!.toISOString() }, new Date(req!.deadlineAt!.getTime() + 1000));
    expect(fired).toMatchObject({ outcome: "applied", action: "overdue" });
    const rows = await until("the overdue message", async () => {
      const r = (await deliveriesOf(s.res.id)).filter((d) => d.templateKey === "staff.overdue");
      return r.length > 0 && r.every((d) => d.status === "sent") ? r : null;
    });
    expect(rows.map((r) => [r.channel, r.target])).toEqual([["email", "finance@shop.test"]]);
    const mail = mails.find((m) => m.raw.includes(`<${rows[0]!.id}@notifications.tuihuanhuo>`));
    expect(mail?.to).toEqual(["finance@shop.test"]);
    // The overdue event is no key point for the customer: their SMS are the submission's and the approval's only.
    expect((await sms.inbox(made.customer.phone)).map((m) => m.templateCode).sort()).toEqual(["SMS_SANDBOX_REFUND_APPROVED", "SMS_SANDBOX_SUBMITTED"]);
  });
});

describe("nothing for a change that rolled back", () => {
  it("a step whose transaction rolls back queues nothing and sends nothing", async () => {
    const made = await makeOrder(db, [{ priceFen: 20_00 }]);
    const s = await submitFor(db, made, "refund_only");
    await settled(s.res.id, 1);
    const before = (await deliveriesOf(s.res.id)).length;
    const cs = await staffCaller(db, "customer_service");
    await expect(
      db.transaction(async (tx) => {
        await actOnRequest(tx as unknown as Db, { type: "staff", id: cs.staff.id, role: "customer_service" }, { requestId: s.res.id, action: "approve" });
        throw new Error("the caller's transaction fails after the step");
      }),
    ).rejects.toThrow("fails after the step");
    const [jobs] = await db.$client<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${QUEUES.notifyEvent} AND data->>'requestId' = ${s.res.id}`;
    expect(jobs!.n).toBe(1); // the submission's only
    await new Promise((r) => setTimeout(r, 1500)); // a worker polling every 0.5 s would have found it
    expect((await deliveriesOf(s.res.id)).length).toBe(before);
    expect((await sms.inbox(made.customer.phone)).map((m) => m.params.rma)).toEqual([s.res.rmaNo]);
  });
});

describe("a failing receiver", () => {
  it("is retried with the same delivery id, then the delivery is failed with the last answer; re-send delivers it again under that id", async () => {
    const a = await admin(db);
    const endpoint = await onlyEndpoint(a, "WMS", ["submit"]);
    receiverFails = true;
    const made = await makeOrder(db, [{ priceFen: 30_00 }]);
    const s = await submitFor(db, made, "refund_only");
    const rows = await until("the webhook failed", async () => {
      const r = (await deliveriesOf(s.res.id)).filter((d) => d.channel === "webhook" && d.targetRef === endpoint.id);
      return r.length === 1 && r[0]!.status === "failed" ? r : null;
    });
    const failed = rows[0]!;
    expect(failed.attempts).toBe(3); // the first try and two retries
    expect(failed.lastResponse).toBe("HTTP 503: down for maintenance until 05:00");
    expect(failed.sentAt).toBeNull();
    const tries = hooksFor(s.res.rmaNo);
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((h) => h.headers[WEBHOOK_HEADERS.delivery]))).toEqual(new Set([failed.id]));

    const log = await a.notifications.deliveries({ channel: "webhook", status: "failed" });
    expect(log.items.find((i) => i.id === failed.id)).toMatchObject({ status: "failed", attempts: 3, lastResponse: "HTTP 503: down for maintenance until 05:00", rmaNo: s.res.rmaNo });
    expect((await a.notifications.endpoints()).find((e) => e.id === endpoint.id)?.lastDelivery).toMatchObject({ status: "failed" });

    receiverFails = false;
    expect(await a.notifications.resend({ deliveryId: failed.id })).toEqual({ id: failed.id, status: "pending" });
    const sent = await until("the re-sent webhook", async () => {
      const [r] = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, failed.id));
      return r?.status === "sent" ? r : null;
    });
    expect(sent.attempts).toBe(4);
    expect(sent.lastResponse).toBe("HTTP 204");
    const all = hooksFor(s.res.rmaNo);
    expect(all).toHaveLength(4);
    expect(all[3]!.headers[WEBHOOK_HEADERS.delivery]).toBe(failed.id);
    expect(JSON.parse(all[3]!.body).deliveryId).toBe(failed.id);
    const audit = await db.select().from(staffAudit).where(eq(staffAudit.action, "notification_resend"));
    expect(audit.map((r) => r.details)).toContainEqual({ deliveryId: failed.id, channel: "webhook" });
    await a.notifications.saveEndpoint({ id: endpoint.id, name: "WMS", url: receiverUrl, events: ["submit"], active: false });
  });

  it("a WeCom robot answering errcode ≠ 0 is a failure with that answer", async () => {
    const a = await admin(db);
    const channel = await a.notifications.saveChannel({ role: "customer_service", kind: "wecom", target: wecom.robotUrl("test-busy"), active: true });
    await wecom.fail("test-busy", "errcode");
    const made = await makeOrder(db, [{ priceFen: 15_00 }]);
    const s = await submitFor(db, made, "refund_only");
    const row = await until("the robot's delivery failed", async () => {
      const [r] = (await deliveriesOf(s.res.id)).filter((d) => d.targetRef === channel.id);
      return r?.status === "failed" ? r : null;
    });
    expect(row.lastResponse).toMatch(/^errcode 45009: api freq out of limit/);
    expect(await wecom.messages("test-busy")).toEqual([]);
    await a.notifications.removeChannel({ id: channel.id });
  });
});

describe("a rotated secret", () => {
  it("signs the next webhook; the old secret no longer verifies, and the secret is never shown again", async () => {
    const a = await admin(db);
    const endpoint = await onlyEndpoint(a, "ERP rotated", ["submit"]);
    const { secret } = await a.notifications.rotateSecret({ id: endpoint.id });
    expect(secret).not.toBe(endpoint.secret);
    expect(JSON.stringify(await a.notifications.endpoints())).not.toContain(secret);
    const made = await makeOrder(db, [{ priceFen: 13_00 }]);
    const s = await submitFor(db, made, "refund_only");
    const [hook] = await until("the webhook", async () => (hooksFor(s.res.rmaNo).length ? hooksFor(s.res.rmaNo) : null));
    const headers = { timestamp: String(hook!.headers[WEBHOOK_HEADERS.timestamp]), signature: String(hook!.headers[WEBHOOK_HEADERS.signature]) };
    expect(verifyWebhook(secret, headers, hook!.body)).toBe(true);
    expect(verifyWebhook(endpoint.secret!, headers, hook!.body)).toBe(false);
  });
});

describe("the event job", () => {
  it("run again (a retry, a duplicate) creates no second delivery and queues no second send", async () => {
    const a = await admin(db);
    const endpoint = await onlyEndpoint(a, "BI", ["submit"]);
    const made = await makeOrder(db, [{ priceFen: 12_00 }]);
    const s = await submitFor(db, made, "refund_only");
    const deps = { sql: db.$client, setup };
    await Promise.all([handleEventJob(deps, { requestId: s.res.id, seq: 1 }), handleEventJob(deps, { requestId: s.res.id, seq: 1 })]);
    expect(await handleEventJob(deps, { requestId: s.res.id, seq: 1 })).toBe(0);
    const rows = await settled(s.res.id, 2);
    const ids = rows.map((r) => r.id);
    expect(rows.filter((r) => r.channel === "webhook" && r.targetRef === endpoint.id)).toHaveLength(1);
    const jobs = await db.$client<{ key: string; n: number }[]>`
      SELECT singleton_key AS key, count(*)::int AS n FROM pgboss.job WHERE name = ${QUEUES.notifyDeliver} AND singleton_key = ANY(${ids}::text[]) GROUP BY 1`;
    expect(jobs.map((j) => j.n)).toEqual(ids.map(() => 1));
    expect(hooksFor(s.res.rmaNo)).toHaveLength(1);
    await a.notifications.saveEndpoint({ id: endpoint.id, name: "BI", url: receiverUrl, events: ["submit"], active: false });
  });

  it("without SMS configured creates no SMS delivery and says why, and the rest still goes out", async () => {
    const made = await makeOrder(db, [{ priceFen: 11_00 }]);
    const s = await submitFor(db, made, "refund_only");
    await settled(s.res.id, 1);
    await db.delete(notificationDeliveries).where(inArray(notificationDeliveries.requestId, [s.res.id]));
    const lines: string[] = [];
    const n = await handleEventJob({ sql: db.$client, setup: { ...setup, sms: null }, log: (l) => lines.push(l) }, { requestId: s.res.id, seq: 1 });
    expect((await deliveriesOf(s.res.id)).filter((d) => d.channel === "sms")).toEqual([]);
    expect(lines).toContain("[notify] no SMS for customer.submitted: SMS_PROVIDER is none");
    expect(n).toBe((await deliveriesOf(s.res.id)).length);
  });
});

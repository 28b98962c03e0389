/**
 * How much JavaScript a phone downloads for each consumer H5 page, against the floor of a bare
 * Next.js page of the same version, measured the same way: Chromium with an empty cache against
 * `next start`, summing CDP Network.loadingFinished encodedDataLength (compressed bytes on the
 * wire) of every Script response. Also: what a 12-megapixel photo weighs after the page's
 * in-browser compression (the POST body of the upload).
 *
 * Run: npx tsx scripts/bench/h5-js.ts   (builds the app first when sources are newer than .next)
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { DEMO_CUSTOMER, DEMO_ORDER_NO } from "../seed/demo-customer";
import { photoLikeJpeg } from "../../e2e/fixtures/h5-images";
import { CHROMIUM, CHROMIUM_ARGS, MOBILE, kib, scriptBytes, startBenchApps } from "./lib/next-bytes";

const ENTRY_TARGET = 1.3;
const PAGE_TARGET = 1.6;

async function trpc<T>(base: string, proc: string, input: unknown, cookie = ""): Promise<{ data: T; setCookie: string | null }> {
  const res = await fetch(`${base}/api/trpc/${proc}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, cookie },
    body: JSON.stringify({ json: input }),
  });
  const body = (await res.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!body.result) throw new Error(`${proc}: ${JSON.stringify(body.error)}`);
  return { data: body.result.data.json, setCookie: res.headers.get("set-cookie") };
}

async function trpcQuery<T>(base: string, proc: string, input: unknown, cookie: string): Promise<T> {
  const res = await fetch(`${base}/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers: { cookie } });
  const body = (await res.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!body.result) throw new Error(`${proc}: ${JSON.stringify(body.error)}`);
  return body.result.data.json;
}

/** The demo customer signs in with the SMS code the demo set-up shows, and files one request. */
async function customerSession(base: string): Promise<{ cookie: string; rmaNo: string }> {
  const sent = await trpc<{ demoCode?: string }>(base, "customer.requestCode", { phone: DEMO_CUSTOMER.phone, orderNo: DEMO_ORDER_NO });
  if (!sent.data.demoCode) throw new Error("no demo code: is DEMO_MODE on?");
  const verified = await trpc(base, "customer.verifyCode", { phone: DEMO_CUSTOMER.phone, code: sent.data.demoCode });
  const cookie = verified.setCookie?.split(";")[0];
  if (!cookie) throw new Error("no session cookie");
  const order = await trpcQuery<{ order: { id: string }; lines: { id: string; returnableQuantity: number }[] }>(base, "customer.returnableLines", { orderNo: DEMO_ORDER_NO }, cookie);
  const line = order.lines.find((l) => l.returnableQuantity > 0);
  if (!line) throw new Error("demo order has nothing returnable");
  const submitted = await trpc<{ rmaNo: string }>(
    base,
    "customer.submit",
    { orderId: order.order.id, type: "refund_only", idempotencyKey: randomUUID(), lines: [{ orderLineId: line.id, quantity: 1, reasonCode: "size_not_fit" }] },
    cookie,
  );
  return { cookie, rmaNo: submitted.data.rmaNo };
}

/** Uploads a 4000×3000 photo through the return form and returns the POST body size. */
async function compressedUploadBytes(browser: Browser, base: string, cookie: string, photo: string): Promise<number> {
  const ctx = await browser.newContext(MOBILE);
  const [name, value] = cookie.split("=");
  await ctx.addCookies([{ name: name!, value: value!, url: base }]);
  const page = await ctx.newPage();
  await page.goto(`${base}/orders/${DEMO_ORDER_NO}/return`);
  await page.getByRole("checkbox").and(page.locator(":not([disabled])")).first().check({ force: true });
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("radio", { name: /退货退款/ }).check();
  await page.getByLabel("原因", { exact: true }).first().selectOption("quality_problem");
  await page.getByRole("button", { name: "下一步" }).click();
  const upload = page.waitForRequest((r) => r.url().endsWith("/api/photos") && r.method() === "POST");
  await page.locator('input[type="file"]').setInputFiles(photo);
  // The multipart body of an XHR upload is not exposed to Playwright; its Content-Length is.
  const bytes = Number((await (await upload).allHeaders())["content-length"] ?? 0);
  await page.locator('li[data-status="done"]').first().waitFor();
  await ctx.close();
  return bytes;
}

const { base, bareUrl, cleanups } = await startBenchApps("h5-bench-");
try {
  const { cookie, rmaNo } = await customerSession(base);
  const signedIn = async (ctx: BrowserContext) => {
    const [name, value] = cookie.split("=");
    await ctx.addCookies([{ name: name!, value: value!, url: base }]);
  };

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  cleanups.unshift(() => browser.close());

  const floor = (await scriptBytes(browser, bareUrl)).bytes;
  const routes = [
    { route: "/", target: ENTRY_TARGET, signedIn: false },
    { route: `/orders/${DEMO_ORDER_NO}/return`, target: PAGE_TARGET, signedIn: true },
    { route: "/requests", target: PAGE_TARGET, signedIn: true },
    { route: `/requests/${rmaNo}`, target: PAGE_TARGET, signedIn: true },
  ];
  const rows = [];
  for (const r of routes) {
    const { bytes, files } = await scriptBytes(browser, base + r.route, r.signedIn ? signedIn : undefined);
    rows.push({ ...r, bytes, files });
  }

  const photoDir = mkdtempSync(path.join(tmpdir(), "h5-bench-photo-"));
  cleanups.unshift(() => rmSync(photoDir, { recursive: true, force: true }));
  const photoFile = path.join(photoDir, "photo-4000x3000.jpg");
  const original = await photoLikeJpeg(4000, 3000);
  writeFileSync(photoFile, original);
  const uploaded = await compressedUploadBytes(browser, base, cookie, photoFile);

  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`\nJavaScript downloaded per H5 route (compressed, empty cache, Chromium ${browser.version()}, 390×844 mobile)\n`);
  console.log(`${pad("route", 44)}${pad("KiB", 9)}${pad("files", 7)}${pad("× floor", 9)}${pad("target", 14)}result`);
  console.log(`${pad("bare Next.js page (floor)", 44)}${pad(kib(floor).toFixed(1), 9)}${pad("", 7)}${pad("1.00", 9)}${pad("", 14)}`);
  let failed = 0;
  for (const r of rows) {
    const ratio = r.bytes / floor;
    const ok = ratio <= r.target;
    if (!ok) failed++;
    const limit = `≤ ${r.target}× (${kib(floor * r.target).toFixed(0)})`;
    console.log(`${pad(r.route, 44)}${pad(kib(r.bytes).toFixed(1), 9)}${pad(String(r.files), 7)}${pad(ratio.toFixed(2), 9)}${pad(limit, 14)}${ok ? "pass" : "FAIL"}`);
  }
  console.log(`\nClient compression: a ${(original.length / 1024 / 1024).toFixed(1)} MiB 4000×3000 JPEG went up as ${kib(uploaded).toFixed(0)} KiB (multipart POST body).`);
  process.exitCode = failed ? 1 : 0;
} finally {
  for (const c of cleanups) await c();
}

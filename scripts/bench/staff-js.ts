/**
 * How much JavaScript a staff browser downloads for the dashboard's pages, against the floor of a
 * bare Next.js page of the same version — the same measure as `npm run bench:h5` (compressed
 * Script bytes, empty cache, `next start`), at a desktop size: the queue, the request screen and
 * the store manager's pages.
 *
 * Run: npm run bench:staff   (builds the app first when sources are newer than .next)
 */
import { chromium, type BrowserContext, type Cookie } from "@playwright/test";
import { DEMO_STAFF } from "../../server/auth/demo-accounts";
import { CHROMIUM, CHROMIUM_ARGS, kib, scriptBytes, startBenchApps } from "./lib/next-bytes";

const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: "zh-CN" };

const { base, bareUrl, cleanups } = await startBenchApps("staff-bench-");
try {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  cleanups.unshift(() => browser.close());

  /** Signs a demo user in through the login page once; measured loads reuse the session cookie. */
  async function sessionOf(key: string): Promise<Cookie[]> {
    const staff = DEMO_STAFF.find((s) => s.key === key);
    if (!staff) throw new Error(`no demo user ${key}`);
    const ctx = await browser.newContext(DESKTOP);
    const page = await ctx.newPage();
    await page.goto(`${base}/login`);
    await page.locator('input[type="email"]').fill(staff.email);
    await page.locator('input[type="password"]').fill(staff.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/dashboard/);
    const cookies = await ctx.cookies();
    await ctx.close();
    return cookies;
  }

  /** The first request the queue links to, read from the signed-in page itself. */
  async function firstRequestPath(cookies: Cookie[]): Promise<string> {
    const ctx = await browser.newContext(DESKTOP);
    await ctx.addCookies(cookies);
    const page = await ctx.newPage();
    await page.goto(`${base}/dashboard`);
    const href = await page.locator('a[href^="/dashboard/requests/"]').first().getAttribute("href");
    await ctx.close();
    if (!href) throw new Error("the queue links to no request");
    return href;
  }

  const cs = await sessionOf("cs");
  const admin = await sessionOf("admin");
  const as = (cookies: Cookie[]) => async (ctx: BrowserContext) => ctx.addCookies(cookies);

  const floor = (await scriptBytes(browser, bareUrl, undefined, DESKTOP)).bytes;
  const routes = [
    { route: "/login", who: "—", setup: undefined },
    { route: "/dashboard", who: "cs", setup: as(cs) },
    { route: await firstRequestPath(cs), who: "cs", setup: as(cs), label: "/dashboard/requests/<id>" },
    { route: "/dashboard/admin/policy", who: "admin", setup: as(admin) },
    { route: "/dashboard/admin/staff", who: "admin", setup: as(admin) },
    { route: "/dashboard/admin/reasons", who: "admin", setup: as(admin) },
  ];

  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`\nJavaScript downloaded per staff route (compressed, empty cache, Chromium ${browser.version()}, 1280×800)\n`);
  console.log(`${pad("route", 34)}${pad("as", 8)}${pad("KiB", 9)}${pad("files", 7)}× floor`);
  console.log(`${pad("bare Next.js page (floor)", 34)}${pad("", 8)}${pad(kib(floor).toFixed(1), 9)}${pad("", 7)}1.00`);
  for (const r of routes) {
    const { bytes, files } = await scriptBytes(browser, base + r.route, r.setup, DESKTOP);
    console.log(`${pad(r.label ?? r.route, 34)}${pad(r.who, 8)}${pad(kib(bytes).toFixed(1), 9)}${pad(String(files), 7)}${(bytes / floor).toFixed(2)}`);
  }
} finally {
  for (const c of cleanups) await c();
}

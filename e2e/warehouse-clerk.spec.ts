import type { Page } from "@playwright/test";
import { expect, freshStaff, makeShopper, signIn, statusOf, test } from "./fixtures/staff-request";
import { inspection, newTrackingNo, openStation, outcomeBanner, shippedRequest } from "./fixtures/warehouse";

/**
 * The scripted clerk: a pile of parcels scanned one after another at the 1366×768 table PC, mixed
 * like a real day (mostly matching, some damaged, some partial, some nobody's). Counts what the
 * clerk does — each Enter and each click, fill or pick — and prints parcels per minute and
 * interactions per parcel for the figures; it asserts where every parcel went, never how fast.
 *
 *   WAREHOUSE_CLERK_PARCELS=50 E2E_PORT=3133 npx playwright test e2e/warehouse-clerk.spec.ts
 *
 * `npm test` runs 12 (the default) to keep the suite short.
 */
const PARCELS = Math.max(4, Number(process.env.WAREHOUSE_CLERK_PARCELS ?? 12));
/** Out of every ten parcels: six match, two are damaged, one is partial, one matches nothing. */
const MIX = ["match", "match", "damaged", "match", "partial", "match", "unmatched", "match", "damaged", "match"] as const;
type Kind = (typeof MIX)[number];

const REFUND_STAGES = ["pending_refund_approval", "pending_refund", "refunding"];

test.use({ viewport: { width: 1366, height: 768 } });
test.describe.configure({ timeout: 120_000 + PARCELS * 20_000 });

/** The clerk's hands: every press, click, fill and pick goes through here and is counted. */
class Clerk {
  interactions = 0;
  constructor(private readonly page: Page) {}
  /** The scanner types the code; its Enter is the clerk's one interaction for the scan. */
  async scan(code: string) {
    await this.page.keyboard.type(code, { delay: 2 });
    await this.enter();
  }
  async enter() {
    this.interactions++;
    await this.page.keyboard.press("Enter");
  }
  async click(target: ReturnType<Page["getByRole"]>) {
    this.interactions++;
    await target.click();
  }
  async pick(target: ReturnType<Page["getByRole"]>, label: string) {
    this.interactions++;
    await target.selectOption({ label });
  }
  async fill(target: ReturnType<Page["getByRole"]>, value: string) {
    this.interactions++;
    await target.fill(value);
  }
}

test(`the scripted clerk receives ${PARCELS} mixed parcels`, async ({ page, db }) => {
  // The pile: requests filed, approved and shipped through the services before the clock starts.
  const pile: { kind: Kind; id?: string; rmaNo?: string; code: string }[] = [];
  for (let i = 0; i < PARCELS; i++) {
    const kind = MIX[i % MIX.length]!;
    if (kind === "unmatched") {
      pile.push({ kind, code: newTrackingNo("ZT") });
      continue;
    }
    const shopper = await makeShopper(db);
    const parcel = await shippedRequest(db, shopper, kind === "partial" ? [{ line: "shirt", quantity: 2 }] : [{ line: "mug" }]);
    // Half the parcels are scanned by their carrier label, half by the return slip's RMA.
    pile.push({ kind, id: parcel.id, rmaNo: parcel.rmaNo, code: i % 2 === 0 ? parcel.rmaNo : parcel.trackingNo });
  }

  await signIn(page, await freshStaff(db, "warehouse", "脚本仓管"));
  await openStation(page);
  const clerk = new Clerk(page);
  const started = Date.now();

  for (const parcel of pile) {
    await clerk.scan(parcel.code);
    if (parcel.kind === "unmatched") {
      await clerk.click(page.getByRole("button", { name: "登记无主包裹" }));
      await clerk.click(page.getByRole("dialog", { name: "登记无主包裹" }).getByRole("button", { name: "登记", exact: true }));
      await expect(page.getByRole("dialog", { name: "登记无主包裹" })).toBeHidden();
      continue;
    }
    const request = inspection(page, parcel.rmaNo!);
    await expect(request.getByRole("form")).toBeVisible();
    if (parcel.kind === "match") {
      await clerk.enter(); // all intact
      await clerk.enter(); // record
    } else if (parcel.kind === "damaged") {
      await clerk.pick(request.getByRole("group").first().getByLabel("商品状态"), "损坏");
      await clerk.click(request.getByRole("button", { name: "确认收货" }));
    } else {
      const qty = request.getByRole("group").first().getByLabel("本包裹实收");
      await clerk.fill(qty, "1");
      await clerk.enter(); // Enter in the quantity submits the parcel form
    }
    await expect(outcomeBanner(page)).toContainText(`${parcel.rmaNo} 已记录`);
  }

  const seconds = (Date.now() - started) / 1000;
  const perMinute = (PARCELS / seconds) * 60;
  const perParcel = clerk.interactions / PARCELS;
  console.log(
    `WAREHOUSE CLERK: ${PARCELS} parcels in ${seconds.toFixed(1)} s → ${perMinute.toFixed(1)} parcels/min, ${perParcel.toFixed(2)} interactions/parcel (${clerk.interactions} in all; mix ${JSON.stringify(count(pile.map((p) => p.kind)))})`,
  );

  // Where every parcel went.
  for (const parcel of pile) {
    if (!parcel.id) continue;
    const status = await statusOf(db, parcel.id);
    if (parcel.kind === "match") expect(REFUND_STAGES, parcel.rmaNo).toContain(status);
    if (parcel.kind === "damaged") expect(status, parcel.rmaNo).toBe("inspection_mismatch");
    if (parcel.kind === "partial") expect(["awaiting_shipment", "in_transit"], parcel.rmaNo).toContain(status);
  }
  expect(perParcel).toBeLessThanOrEqual(3);
});

function count(kinds: Kind[]): Record<string, number> {
  return kinds.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});
}

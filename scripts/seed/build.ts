import type { ApprovalPolicy, CountedRequest } from "../../server/domain/policy";
import { holdsItems } from "../../server/domain/route";
import { buildCatalog, type Catalog } from "./catalog";
import { DEMO_CUSTOMER, DEMO_ORDER_NO } from "./demo-customer";
import { OrderFactory, type SeedOrder } from "./orders";
import { makeCustomers } from "./people";
import { pickLines, type PickedLines } from "./pick-lines";
import { planRequest, type PlannedRequest } from "./plan";
import { Prng } from "./prng";
import { FREQUENT_RETURNER, SCENARIOS, type Scenario } from "./scenarios";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const SEED = 20261125;
export const CUSTOMER_COUNT = 80;
export const ORDER_COUNT = 300;
/** Others never get this many requests, so only the frequent returner trips the "5 prior returns" rule. */
const MAX_REQUESTS_PER_CUSTOMER = 4;

export interface RequestDraft {
  plan: PlannedRequest;
  customerPhone: string;
  order: SeedOrder;
  picked: PickedLines;
  idempotencyKey: string;
}

export interface DemoWorld {
  catalog: Catalog;
  people: { phone: string; name: string; since: Date }[];
  orders: SeedOrder[];
  /** Grouped by customer, in the order they must be filed (the prior-return count depends on it). */
  requestsByCustomer: RequestDraft[][];
  demoOrder: SeedOrder;
}

/**
 * The whole demo data set, in memory, from a fixed seed and `now`: the same shape every run,
 * dated relative to when it is seeded. Nothing here touches the database.
 */
export function buildDemoWorld(now: Date, policy: ApprovalPolicy): DemoWorld {
  const catalog = buildCatalog(new Prng(SEED));
  // The demo jeans must have other sizes in stock so the H5 exchange flow works.
  for (const v of catalog.byProduct.get("AP-2002") ?? []) if (v.attributes["颜色"] === "浅蓝") v.stock = Math.max(v.stock, 20);

  const peopleRng = new Prng(SEED + 1);
  const customers = makeCustomers(peopleRng, CUSTOMER_COUNT, new Set([DEMO_CUSTOMER.phone]));
  // A few loyal buyers order far more often than the rest, as in any shop.
  const weights = customers.map((c) => [c.phone, peopleRng.chance(0.15) ? 6 : peopleRng.chance(0.4) ? 2 : 1] as const);

  const factory = new OrderFactory(new Prng(SEED + 2), now);
  const planRng = new Prng(SEED + 3);
  const frequent = customers[0]!.phone;

  const instances: Scenario[] = planRng.shuffle(SCENARIOS.flatMap((s) => Array.from({ length: s.count }, () => s)));
  const perCustomer = new Map<string, { scenario: Scenario; older?: boolean }[]>();
  perCustomer.set(
    frequent,
    FREQUENT_RETURNER.flatMap((s) => Array.from({ length: s.count }, () => ({ scenario: s, older: s.ends !== "pending_ops_review" }))),
  );
  for (const scenario of instances) {
    const candidates = weights.filter(([phone]) => phone !== frequent && (perCustomer.get(phone)?.length ?? 0) < MAX_REQUESTS_PER_CUSTOMER);
    const phone = planRng.weighted(candidates);
    perCustomer.set(phone, [...(perCustomer.get(phone) ?? []), { scenario }]);
  }

  let n = 0;
  const requestsByCustomer: RequestDraft[][] = [];
  for (const [phone, list] of perCustomer) {
    // A customer's requests are filed one after another, each run to its end before the next, so
    // the next one's routing counts those that still hold their items (decision 017).
    const counted: CountedRequest[] = [];
    requestsByCustomer.push(
      list.map(({ scenario, older }, priorReturns) => {
        const picked = pickLines(planRng, catalog, scenario.need, scenario.type);
        const lines = factory.price(picked.order);
        const plan = planRequest(planRng, {
          scenario,
          picked,
          lines,
          priorReturns,
          counted: [...counted],
          policy,
          now,
          ...(older ? { endAtLeastMsAgo: 12 * DAY } : {}),
        });
        if (holdsItems(plan.steps.at(-1)?.expect ?? plan.first)) counted.push(plan.counted);
        // Delivered before the request, within the shortest return window of the returned items; most people file within a few days.
        // The order itself stays inside the last 60 days: placed ≤ 4 days before delivery, so delivery ≥ 55 days ago.
        const windowDays = Math.min(...picked.returns.map((r) => lines[r.lineIndex]!.sku.category.returnWindowDays));
        const maxDays = Math.max(0.2, Math.min(windowDays - 0.4, (plan.submitAt.getTime() - (now.getTime() - 55 * DAY)) / DAY));
        const sinceDelivery = (0.1 + (maxDays - 0.1) * planRng.next() ** 2) * DAY;
        const paidOnline = plan.steps.some((step) => step.action === "refund");
        const order = factory.make({ customerPhone: phone, deliveredAt: new Date(plan.submitAt.getTime() - sinceDelivery), lines, paidOnline });
        return { plan, customerPhone: phone, order, picked, idempotencyKey: `seed-${SEED}-${++n}` };
      }),
    );
  }

  // Orders nobody returned: older ones outside any window, recent ones still returnable, a few not delivered yet.
  const bgRng = new Prng(SEED + 4);
  const background = ORDER_COUNT - n - 1;
  for (let i = 0; i < background; i++) {
    const phone = i < customers.length ? customers[i]!.phone : bgRng.weighted(weights);
    const placed = now.getTime() - bgRng.between(1 / 24, 59.5) * DAY;
    const delivered = placed + bgRng.between(1, 4) * DAY;
    const count = bgRng.weighted([[1, 6], [2, 3], [3, 1]] as const);
    const skus = bgRng.shuffle(catalog.skus).slice(0, count);
    const lines = factory.price(skus.map((sku) => ({ sku, quantity: sku.priceFen <= 10_000 && bgRng.chance(0.3) ? 2 : 1 })));
    factory.make({ customerPhone: phone, deliveredAt: delivered < now.getTime() - HOUR ? new Date(delivered) : null, placedAt: new Date(placed), lines });
  }

  const demoRng = new Prng(SEED + 5);
  const sku = (spu: string, match: (a: Record<string, string>) => boolean) => {
    const found = catalog.byProduct.get(spu)?.find((v) => match(v.attributes));
    if (!found) throw new Error(`seed: demo SKU ${spu} missing`);
    return found;
  };
  const demoLines = new OrderFactory(demoRng, now).price([
    { sku: sku("AP-2002", (a) => a["颜色"] === "浅蓝" && a["尺码"] === "M"), quantity: 1 },
    { sku: sku("DG-4002", (a) => a["颜色"] === "白色"), quantity: 1, discount: false },
    { sku: sku("BT-3003", (a) => a["容量"] === "30ml"), quantity: 2 },
  ]);
  const demoOrder = factory.make({
    customerPhone: DEMO_CUSTOMER.phone,
    channel: "own_shop",
    deliveredAt: new Date(now.getTime() - 2 * DAY),
    lines: demoLines,
    orderNo: DEMO_ORDER_NO,
  });

  const firstOrder = new Map<string, number>();
  for (const o of factory.orders) firstOrder.set(o.customerPhone, Math.min(firstOrder.get(o.customerPhone) ?? Infinity, o.createdAt.getTime()));
  const people = [...customers, DEMO_CUSTOMER].map((c) => ({
    phone: c.phone,
    name: c.name,
    since: new Date((firstOrder.get(c.phone) ?? now.getTime()) - peopleRng.between(0, 200) * DAY),
  }));
  return { catalog, people, orders: factory.orders, requestsByCustomer, demoOrder };
}

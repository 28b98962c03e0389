import type { Db } from "../../db/client";
import { customers, orderLines, orders } from "../../db/schema";
import type { ChannelCode, PaymentMethod } from "../../server/domain/vocabulary";
import type { CatalogIds, SeedSku } from "./catalog";
import type { Prng } from "./prng";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface SeedLine {
  id: string;
  sku: SeedSku;
  quantity: number;
  unitPriceFen: number;
  /** After the line's share of coupons / 满减: the refund basis. */
  paidFen: number;
}

export interface SeedOrder {
  id: string;
  orderNo: string;
  channel: ChannelCode;
  customerPhone: string;
  status: "paid" | "shipped" | "delivered";
  paymentMethod: PaymentMethod;
  gatewayTxnId: string;
  totalPaidFen: number;
  createdAt: Date;
  paidAt: Date;
  deliveredAt: Date | null;
  lines: SeedLine[];
}

export interface LineWish {
  sku: SeedSku;
  quantity: number;
  /** Whether a discount may apply; big-ticket lines in some scenarios must keep their price. */
  discount?: boolean;
}

const CHANNEL_WEIGHTS: readonly (readonly [ChannelCode, number])[] = [
  ["taobao", 35],
  ["jd", 25],
  ["douyin", 20],
  ["own_shop", 20],
];

// Taobao pays through Alipay; the others mostly through Alipay or WeChat Pay.
const PAYMENT_WEIGHTS: Record<ChannelCode, readonly (readonly [PaymentMethod, number])[]> = {
  taobao: [["alipay", 1]],
  jd: [["wechat_pay", 55], ["alipay", 25], ["unionpay", 10], ["platform", 10]],
  douyin: [["alipay", 45], ["wechat_pay", 40], ["platform", 15]],
  own_shop: [["wechat_pay", 60], ["alipay", 35], ["unionpay", 5]],
};

const ymd = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, "");

/** Builds orders in memory with platform-looking order numbers and gateway transaction ids. */
export class OrderFactory {
  private readonly used = new Set<string>();
  readonly orders: SeedOrder[] = [];

  constructor(
    private readonly rng: Prng,
    private readonly now: Date,
  ) {}

  channel(): ChannelCode {
    return this.rng.weighted(CHANNEL_WEIGHTS);
  }

  private orderNo(channel: ChannelCode, at: Date): string {
    for (;;) {
      const no = {
        own_shop: () => `ZY${ymd(at)}${this.rng.digits(6)}`,
        taobao: () => `${this.rng.int(1, 4)}${this.rng.digits(18)}`,
        jd: () => `${this.rng.int(2, 3)}${this.rng.digits(11)}`,
        douyin: () => `69${this.rng.digits(17)}`,
      }[channel]();
      if (!this.used.has(no)) {
        this.used.add(no);
        return no;
      }
    }
  }

  private txnId(method: PaymentMethod, at: Date): string {
    switch (method) {
      case "alipay":
        return `${ymd(at)}2200${this.rng.digits(16)}`;
      case "wechat_pay":
        return `4200${this.rng.digits(6)}${ymd(at)}${this.rng.digits(10)}`;
      case "unionpay":
        return `${ymd(at)}${this.rng.digits(13)}`;
      case "platform":
        return `PT${ymd(at)}${this.rng.digits(12)}`;
    }
  }

  /** Lines priced from the catalogue; about a third carry a coupon share (paid < price × qty). */
  price(wishes: LineWish[]): SeedLine[] {
    return wishes.map((w) => this.line(w));
  }

  private line(wish: LineWish): SeedLine {
    const full = wish.sku.priceFen * wish.quantity;
    const discounted = wish.discount !== false && this.rng.chance(0.35);
    // 满减 / store coupons: 5–20 % off, in whole yuan as the platforms show them.
    const off = discounted ? Math.floor((full * this.rng.pick([0.05, 0.08, 0.1, 0.15, 0.2])) / 100) * 100 : 0;
    return { id: this.rng.uuid(), sku: wish.sku, quantity: wish.quantity, unitPriceFen: wish.sku.priceFen, paidFen: full - off };
  }

  /**
   * One order. `deliveredAt` null means not delivered yet (paid or on its way); without
   * `placedAt`, payment is put 1–4 days before delivery.
   */
  make(opts: { customerPhone: string; channel?: ChannelCode; deliveredAt: Date | null; placedAt?: Date; lines: SeedLine[]; orderNo?: string; paidOnline?: boolean }): SeedOrder {
    const channel = opts.channel ?? this.channel();
    const paidAt =
      opts.placedAt ?? (opts.deliveredAt ? new Date(opts.deliveredAt.getTime() - this.rng.between(1, 4) * DAY) : new Date(this.now.getTime() - this.rng.between(2, 48) * HOUR));
    const createdAt = new Date(paidAt.getTime() - this.rng.between(0.5, 10) * 60_000);
    // An order the seed refunds through a gateway was paid through one (Alipay or WeChat Pay).
    const weights = opts.paidOnline ? PAYMENT_WEIGHTS[channel].filter(([m]) => m === "alipay" || m === "wechat_pay") : PAYMENT_WEIGHTS[channel];
    const paymentMethod = this.rng.weighted(weights);
    const lines = opts.lines;
    const status = opts.deliveredAt ? "delivered" : paidAt.getTime() < this.now.getTime() - 24 * HOUR ? "shipped" : "paid";
    const order: SeedOrder = {
      id: this.rng.uuid(),
      orderNo: opts.orderNo ?? this.orderNo(channel, createdAt),
      channel,
      customerPhone: opts.customerPhone,
      status,
      paymentMethod,
      gatewayTxnId: this.txnId(paymentMethod, paidAt),
      totalPaidFen: lines.reduce((a, l) => a + l.paidFen, 0),
      createdAt,
      paidAt,
      deliveredAt: opts.deliveredAt,
      lines,
    };
    this.orders.push(order);
    return order;
  }
}

/** Writes customers (kept when the phone exists), then orders and their lines in batches. */
export async function insertOrders(
  db: Db,
  people: { phone: string; name: string; since: Date }[],
  list: SeedOrder[],
  ids: CatalogIds,
): Promise<Map<string, string>> {
  await db
    .insert(customers)
    .values(people.map((p) => ({ phone: p.phone, name: p.name, createdAt: p.since })))
    .onConflictDoNothing();
  const customerRows = await db.select({ id: customers.id, phone: customers.phone }).from(customers);
  const customerId = new Map(customerRows.map((c) => [c.phone, c.id]));
  const need = <T>(map: Map<string, T>, key: string, what: string): T => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`seed: no ${what} ${key}`);
    return v;
  };
  for (let i = 0; i < list.length; i += 200) {
    const batch = list.slice(i, i + 200);
    await db.insert(orders).values(
      batch.map((o) => ({
        id: o.id,
        orderNo: o.orderNo,
        channelId: need(ids.channelId, o.channel, "channel"),
        customerId: need(customerId, o.customerPhone, "customer"),
        status: o.status,
        paymentMethod: o.paymentMethod,
        gatewayTxnId: o.gatewayTxnId,
        totalPaidFen: o.totalPaidFen,
        paidAt: o.paidAt,
        deliveredAt: o.deliveredAt,
        createdAt: o.createdAt,
      })),
    );
    await db.insert(orderLines).values(
      batch.flatMap((o) =>
        o.lines.map((l) => ({
          id: l.id,
          orderId: o.id,
          skuId: need(ids.skuId, l.sku.code, "sku"),
          title: l.sku.title,
          quantity: l.quantity,
          unitPriceFen: l.unitPriceFen,
          paidFen: l.paidFen,
        })),
      ),
    );
  }
  return customerId;
}

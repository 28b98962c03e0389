import { randomInt } from "node:crypto";
import { FAULT_MODES, type FaultMode, type FaultRequest, type LedgerEntry } from "../pay-faults";

/**
 * The sandbox's books: the trades it knows (registered over the control API, or first seen in a
 * refund call), every refund number it was asked to pay (a number pays at most once; a retry
 * gets the earlier result), and the faults armed for the next calls.
 */
export interface Trade {
  outTradeNo: string;
  tradeNo: string;
  /** What the buyer paid, in fen; null = a trade first seen in a refund call (no ceiling known). */
  totalFen: number | null;
  subject: string;
  createdAt: Date;
  /** Where Alipay sends this trade's notifications (the refund call's notify_url, latest wins). */
  notifyUrl: string | null;
}

export interface RefundRecord extends Omit<LedgerEntry, "createdAt" | "succeededAt"> {
  tradeNo: string;
  reason: string;
  createdAt: Date;
  succeededAt: Date | null;
  /** processing_for_a_while: how many more queries answer REFUND_PROCESSING before it pays. */
  processingQueriesLeft: number;
  /** The notification behaviour chosen when the refund was accepted. */
  notify: "normal" | "none" | "twice" | "late" | "bad_signature";
  notifyDelaySeconds: number;
}

interface ArmedFault {
  mode: FaultMode;
  outRefundNo?: string;
  remaining: number;
  delaySeconds: number;
}

/** Alipay has no ABNORMAL refund state (a failed bank payout stays inside Alipay's own process). */
export const UNSUPPORTED_MODES: FaultMode[] = ["abnormal"];

export class AlipayLedger {
  readonly trades = new Map<string, Trade>();
  readonly refunds = new Map<string, RefundRecord>();
  private faults: ArmedFault[] = [];

  constructor(private readonly sellerId: string) {}

  arm(request: FaultRequest): { ok: true } | { ok: false; why: string } {
    if (!FAULT_MODES.includes(request.mode)) return { ok: false, why: `unknown fault mode ${String(request.mode)}` };
    if (UNSUPPORTED_MODES.includes(request.mode)) return { ok: false, why: `${request.mode} is not supported by Alipay: it has no such refund state` };
    const times = request.times ?? 1;
    if (!Number.isInteger(times) || times < 1) return { ok: false, why: "times must be a whole number ≥ 1" };
    if (request.mode === "none") {
      this.faults = this.faults.filter((f) => f.outRefundNo !== request.outRefundNo);
      return { ok: true };
    }
    this.faults.push({ mode: request.mode, outRefundNo: request.outRefundNo, remaining: times, delaySeconds: request.delaySeconds ?? 5 });
    return { ok: true };
  }

  reset(): void {
    this.faults = [];
  }

  /**
   * The fault for this call, consumed. A fault armed for this refund number wins over one for any
   * number. Queries only time out or fail with 5xx; everything else concerns the refund call.
   */
  takeFault(outRefundNo: string, call: "refund" | "query"): ArmedFault | null {
    const applies = (f: ArmedFault) => call === "refund" || f.mode === "timeout" || f.mode === "server_error";
    const fault =
      this.faults.find((f) => f.outRefundNo === outRefundNo && applies(f)) ?? this.faults.find((f) => f.outRefundNo === undefined && applies(f));
    if (!fault) return null;
    // The copy keeps `remaining` as armed: processing_for_a_while spends `times` on the queries
    // that follow its one refund call.
    const taken = { ...fault };
    fault.remaining = fault.mode === "processing_for_a_while" ? 0 : fault.remaining - 1;
    this.faults = this.faults.filter((f) => f.remaining > 0);
    return taken;
  }

  registerTrade(input: { outTradeNo: string; tradeNo?: string; totalFen: number; subject?: string }): Trade {
    const existing = this.trades.get(input.outTradeNo);
    const trade: Trade = {
      outTradeNo: input.outTradeNo,
      tradeNo: input.tradeNo ?? existing?.tradeNo ?? newTradeNo(),
      totalFen: input.totalFen,
      subject: input.subject ?? existing?.subject ?? "退换货订单",
      createdAt: existing?.createdAt ?? new Date(),
      notifyUrl: existing?.notifyUrl ?? null,
    };
    this.trades.set(trade.outTradeNo, trade);
    return trade;
  }

  /** The trade a call names (trade_no wins over out_trade_no, as at Alipay), or why not. */
  findTrade(outTradeNo: string | undefined, tradeNo: string | undefined): Trade | undefined {
    if (tradeNo) return [...this.trades.values()].find((t) => t.tradeNo === tradeNo);
    return outTradeNo ? this.trades.get(outTradeNo) : undefined;
  }

  /** A trade first seen in a refund call: accepted, with no known ceiling. */
  adoptTrade(outTradeNo: string | undefined, tradeNo: string | undefined): Trade {
    const trade: Trade = {
      outTradeNo: outTradeNo ?? `SANDBOX${Date.now()}`,
      tradeNo: tradeNo ?? newTradeNo(),
      totalFen: null,
      subject: "退换货订单",
      createdAt: new Date(),
      notifyUrl: null,
    };
    this.trades.set(trade.outTradeNo, trade);
    return trade;
  }

  /** Refunded so far on a trade (paid or still being paid), in fen. */
  refundedFen(trade: Trade, status: LedgerEntry["status"][] = ["SUCCESS", "PROCESSING"]): number {
    let sum = 0;
    for (const r of this.refunds.values()) if (r.tradeNo === trade.tradeNo && status.includes(r.status)) sum += r.amountFen;
    return sum;
  }

  entries(): LedgerEntry[] {
    return [...this.refunds.values()].map((r) => ({
      outRefundNo: r.outRefundNo,
      orderNo: r.orderNo,
      gatewayRefundId: r.gatewayRefundId,
      amountFen: r.amountFen,
      status: r.status,
      requests: r.requests,
      createdAt: r.createdAt.toISOString(),
      succeededAt: r.succeededAt?.toISOString() ?? null,
    }));
  }

  get seller(): string {
    return this.sellerId;
  }
}

/** Alipay trade numbers: 28 digits starting with the date, e.g. 2026112922001404561234567890. */
export function newTradeNo(at = new Date()): string {
  const d = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll("-", "");
  let tail = "";
  while (tail.length < 16) tail += String(randomInt(0, 10));
  return `${d}2200${tail}`;
}

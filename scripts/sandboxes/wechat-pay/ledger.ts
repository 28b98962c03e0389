import { createHash, randomInt } from "node:crypto";
import type { FaultMode, FaultRequest, LedgerEntry } from "../pay-faults";

/**
 * The sandbox's books: every refund number it was asked to pay, the trades they belong to, and the
 * faults armed over the control API. Everything here is synchronous, so two concurrent calls for
 * one number can never both pay (Node runs one handler to its end between awaits).
 */

export type NotifyPlan = { kind: "normal" } | { kind: "none" } | { kind: "twice" } | { kind: "late"; delaySeconds: number } | { kind: "bad_signature" };

export interface SandboxRefund {
  entry: LedgerEntry;
  outTradeNo: string;
  transactionId: string;
  totalFen: number;
  notifyUrl: string | null;
  notify: NotifyPlan;
  /** processing_for_a_while: queries still to answer PROCESSING before the refund pays. */
  processingQueriesLeft: number;
  /** closed / abnormal: where the refund ends up shortly after it was accepted. */
  endsAs: "SUCCESS" | "CLOSED" | "ABNORMAL";
}

interface ArmedFault extends FaultRequest {
  left: number;
}

/** Faults that act on any call (even a retry of a known number); the others shape a new refund. */
const CALL_FAULTS: FaultMode[] = ["timeout", "server_error"];

export class Ledger {
  readonly refunds = new Map<string, SandboxRefund>();
  private readonly trades = new Map<string, { totalFen: number; transactionId: string }>();
  private faults: ArmedFault[] = [];

  arm(f: FaultRequest) {
    if (f.mode === "none") return;
    // processing_for_a_while: `times` counts the PROCESSING queries, and one refund takes it.
    const left = f.mode === "processing_for_a_while" ? 1 : Math.max(1, f.times ?? 1);
    this.faults.push({ ...f, left });
  }

  resetFaults() {
    this.faults = [];
  }

  /** The fault for this call, if one is armed: a number-specific one first, then an any-number one. */
  takeFault(outRefundNo: string, isNew: boolean): FaultRequest | null {
    const fits = (f: ArmedFault) => isNew || CALL_FAULTS.includes(f.mode);
    const f = this.faults.find((x) => x.outRefundNo === outRefundNo && fits(x)) ?? this.faults.find((x) => x.outRefundNo === undefined && fits(x));
    if (!f) return null;
    f.left -= 1;
    if (f.left <= 0) this.faults = this.faults.filter((x) => x !== f);
    return f;
  }

  trade(outTradeNo: string | undefined, transactionId: string | undefined) {
    const key = outTradeNo ? `o:${outTradeNo}` : `t:${transactionId}`;
    return { key, known: this.trades.get(key) };
  }

  /** What is already promised out of a trade: every refund that was not CLOSED. */
  refundedFen(tradeKey: string): number {
    let sum = 0;
    for (const r of this.refunds.values()) if (tradeKeyOf(r) === tradeKey && r.entry.status !== "CLOSED") sum += r.entry.amountFen;
    return sum;
  }

  create(input: { outRefundNo: string; outTradeNo: string | undefined; transactionId: string | undefined; refundFen: number; totalFen: number; notifyUrl: string | null }, fault: FaultRequest | null): SandboxRefund {
    const { key, known } = this.trade(input.outTradeNo, input.transactionId);
    const transactionId = input.transactionId ?? known?.transactionId ?? fakeTransactionId(key);
    if (!known) this.trades.set(key, { totalFen: input.totalFen, transactionId });
    const mode = fault?.mode ?? "none";
    const processing = mode === "processing_for_a_while" || mode === "closed" || mode === "abnormal";
    const now = new Date().toISOString();
    const refund: SandboxRefund = {
      entry: {
        outRefundNo: input.outRefundNo,
        orderNo: input.outTradeNo ?? "",
        gatewayRefundId: `5030${Date.now()}${String(randomInt(0, 1e9)).padStart(9, "0")}`.slice(0, 29),
        amountFen: input.refundFen,
        status: processing ? "PROCESSING" : "SUCCESS",
        requests: 1,
        createdAt: now,
        succeededAt: processing ? null : now,
      },
      outTradeNo: input.outTradeNo ?? "",
      transactionId,
      totalFen: input.totalFen,
      notifyUrl: input.notifyUrl,
      notify: notifyPlan(fault),
      processingQueriesLeft: mode === "processing_for_a_while" ? Math.max(0, fault?.times ?? 1) : 0,
      endsAs: mode === "closed" ? "CLOSED" : mode === "abnormal" ? "ABNORMAL" : "SUCCESS",
    };
    this.refunds.set(input.outRefundNo, refund);
    return refund;
  }

  entries(): LedgerEntry[] {
    return [...this.refunds.values()].map((r) => ({ ...r.entry }));
  }
}

function notifyPlan(fault: FaultRequest | null): NotifyPlan {
  switch (fault?.mode) {
    case "no_notify":
      return { kind: "none" };
    case "notify_twice":
      return { kind: "twice" };
    case "notify_late":
      return { kind: "late", delaySeconds: fault.delaySeconds ?? 5 };
    case "bad_signature_notify":
      return { kind: "bad_signature" };
    default:
      return { kind: "normal" };
  }
}

export function tradeKeyOf(r: SandboxRefund): string {
  return r.outTradeNo ? `o:${r.outTradeNo}` : `t:${r.transactionId}`;
}

/** A stable 28-digit WeChat-style transaction id for a trade the sandbox only knows by order number. */
function fakeTransactionId(key: string): string {
  const digits = BigInt(`0x${createHash("sha256").update(key).digest("hex").slice(0, 20)}`).toString().padStart(24, "0").slice(0, 24);
  return `4200${digits}`;
}

import type { FaultRequest, LedgerEntry } from "../../scripts/sandboxes/pay-faults";

/**
 * The control API every payment sandbox serves (scripts/sandboxes/pay-faults.ts), read over
 * HTTP like any other process would: tests arm faults and read the sandbox's own ledger of
 * payouts — the only evidence of money moved that does not come from our database.
 */
export interface PaySandboxControl {
  /** Arms a fault for the next `times` calls naming `outRefundNo` (any number when omitted). */
  arm(fault: FaultRequest): Promise<void>;
  /** Every payout the sandbox made (one entry per refund number, whatever happened). */
  ledger(): Promise<LedgerEntry[]>;
  /** Clears armed faults (never the ledger). */
  reset(): Promise<void>;
}

export function paySandboxControl(baseUrl: string): PaySandboxControl {
  const base = baseUrl.replace(/\/$/, "");
  const ok = async (res: Response, what: string) => {
    if (!res.ok) throw new Error(`sandbox ${what}: HTTP ${res.status} ${await res.text()}`);
    return res;
  };
  return {
    arm: async (fault) => {
      await ok(await fetch(`${base}/sandbox/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(fault) }), "faults");
    },
    ledger: async () => {
      const body = (await (await ok(await fetch(`${base}/sandbox/ledger`), "ledger")).json()) as LedgerEntry[] | { entries?: LedgerEntry[]; ledger?: LedgerEntry[] };
      return Array.isArray(body) ? body : (body.entries ?? body.ledger ?? []);
    },
    reset: async () => {
      await ok(await fetch(`${base}/sandbox/reset`, { method: "POST" }), "reset");
    },
  };
}

/** Payouts the sandbox actually made, per refund number (a payout is an entry in SUCCESS). */
export function paidByNumber(ledger: LedgerEntry[]): Map<string, LedgerEntry[]> {
  const paid = new Map<string, LedgerEntry[]>();
  for (const e of ledger) {
    if (e.status !== "SUCCESS") continue;
    paid.set(e.outRefundNo, [...(paid.get(e.outRefundNo) ?? []), e]);
  }
  return paid;
}

import { FAULT_MODES, type FaultMode } from "../../scripts/sandboxes/pay-faults";
import type { GatewayChannel } from "../payments/refund-gateway";

/** Both gateways of issue 8, each with the fault modes its sandbox implements (ABNORMAL is WeChat Pay's alone). */
export const MATRIX: { gateway: GatewayChannel; modes: FaultMode[] }[] = [
  { gateway: "alipay", modes: FAULT_MODES.filter((m) => m !== "abnormal") },
  { gateway: "wechat_pay", modes: [...FAULT_MODES] },
];

export const NO_VIOLATIONS = { paidWrong: [], notFinal: [], ledgerDisagrees: [], refundedMismatch: [] };

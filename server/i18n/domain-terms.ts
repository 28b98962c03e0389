import type { Action, ReturnStatus, ReturnType, StaffRole } from "../domain/vocabulary";
import type { Disposition, ItemCondition } from "../domain/vocabulary";
import type { Locale } from "./locale";

type Dict<K extends string> = Record<K, Record<Locale, string>>;

export const STATUS_NAMES: Dict<ReturnStatus> = {
  pending_cs_review: { "zh-CN": "待客服审核", en: "Awaiting customer service review" },
  pending_ops_review: { "zh-CN": "待运营复核", en: "Awaiting operations review" },
  needs_info: { "zh-CN": "待补充资料", en: "More information needed" },
  rejected: { "zh-CN": "已驳回", en: "Rejected" },
  awaiting_shipment: { "zh-CN": "待寄回", en: "Awaiting return parcel" },
  in_transit: { "zh-CN": "退货运输中", en: "Parcel on its way" },
  inspection_mismatch: { "zh-CN": "验货不符待处理", en: "Inspection mismatch" },
  pending_refund_approval: { "zh-CN": "待财务复核", en: "Awaiting refund approval" },
  pending_refund: { "zh-CN": "待退款", en: "Awaiting refund" },
  refunding: { "zh-CN": "退款中", en: "Refund in progress" },
  pending_replacement: { "zh-CN": "待发换货", en: "Awaiting replacement shipment" },
  completed: { "zh-CN": "已完成", en: "Completed" },
  cancelled: { "zh-CN": "已取消", en: "Cancelled" },
  closed: { "zh-CN": "已关闭", en: "Closed" },
};

export const ACTION_NAMES: Dict<Action> = {
  submit: { "zh-CN": "提交申请", en: "Submit" },
  approve: { "zh-CN": "审核通过", en: "Approve" },
  reject: { "zh-CN": "驳回", en: "Reject" },
  request_info: { "zh-CN": "要求补充资料", en: "Ask for information" },
  accept_full: { "zh-CN": "全额退款", en: "Accept, full refund" },
  accept_partial: { "zh-CN": "部分退款", en: "Accept, partial refund" },
  cancel: { "zh-CN": "取消申请", en: "Cancel" },
  provide_info: { "zh-CN": "补充资料", en: "Provide information" },
  ship: { "zh-CN": "填写退货物流", en: "Enter return shipment" },
  appeal: { "zh-CN": "申诉", en: "Appeal" },
  receive: { "zh-CN": "仓库签收验货", en: "Receive and inspect" },
  ship_replacement: { "zh-CN": "发出换货", en: "Ship replacement" },
  convert_to_refund: { "zh-CN": "改为退货退款", en: "Convert to refund" },
  record_parcel: { "zh-CN": "登记到货包裹", en: "Record parcel" },
  link_parcel: { "zh-CN": "关联无主包裹", en: "Link unmatched parcel" },
  approve_refund: { "zh-CN": "财务复核通过", en: "Approve refund" },
  refund: { "zh-CN": "原路退款", en: "Refund to original payment" },
  lower_refund: { "zh-CN": "调低退款金额", en: "Lower refund amount" },
  retry_refund: { "zh-CN": "重新发起退款", en: "Retry refund" },
  record_offline_refund: { "zh-CN": "登记线下退款", en: "Record offline refund" },
  refund_succeeded: { "zh-CN": "退款成功", en: "Refund succeeded" },
  refund_failed: { "zh-CN": "退款失败", en: "Refund failed" },
  refund_abnormal: { "zh-CN": "退款异常", en: "Refund abnormal" },
  escalate: { "zh-CN": "超时升级", en: "Escalated after deadline" },
  expire: { "zh-CN": "超时关闭", en: "Closed after deadline" },
  overdue: { "zh-CN": "超时提醒", en: "Deadline passed, staff told" },
  claim: { "zh-CN": "认领", en: "Claim" },
  release: { "zh-CN": "释放", en: "Release" },
  assign: { "zh-CN": "分配", en: "Assign" },
};

export const ROLE_NAMES: Dict<StaffRole | "customer" | "system"> = {
  customer_service: { "zh-CN": "客服专员", en: "Customer service" },
  operations_manager: { "zh-CN": "运营主管", en: "Operations manager" },
  warehouse: { "zh-CN": "仓管员", en: "Warehouse" },
  finance: { "zh-CN": "财务人员", en: "Finance" },
  admin: { "zh-CN": "店长", en: "Store manager" },
  customer: { "zh-CN": "消费者", en: "Customer" },
  system: { "zh-CN": "系统", en: "System" },
};

export const TYPE_NAMES: Dict<ReturnType> = {
  refund_only: { "zh-CN": "仅退款", en: "Refund only" },
  return_refund: { "zh-CN": "退货退款", en: "Return & refund" },
  exchange: { "zh-CN": "换货", en: "Exchange" },
};

/** A received unit's condition (inspection); "as_new" is what the scan station calls intact. */
export const CONDITION_NAMES: Dict<ItemCondition> = {
  as_new: { "zh-CN": "完好", en: "Intact" },
  opened: { "zh-CN": "已拆封", en: "Opened" },
  used: { "zh-CN": "有使用痕迹", en: "Used" },
  damaged: { "zh-CN": "损坏", en: "Damaged" },
  missing: { "zh-CN": "缺失", en: "Missing" },
};

/** What the warehouse does with a received unit. */
export const DISPOSITION_NAMES: Dict<Disposition> = {
  restock: { "zh-CN": "入库上架", en: "Restock" },
  quarantine: { "zh-CN": "隔离待查", en: "Quarantine" },
  scrap: { "zh-CN": "报废", en: "Scrap" },
  repair: { "zh-CN": "送修", en: "Repair" },
};

/* Reason names are not here: reasons are rows with their own names (server/services/reasons.ts). */

export function term<K extends string>(dict: Dict<K>, key: K, locale: Locale): string {
  return dict[key]?.[locale] ?? key;
}

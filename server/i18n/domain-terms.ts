import type { Action, ReasonCode, RejectionCode, ReturnStatus, ReturnType, StaffRole } from "../domain/vocabulary";
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
  approve_refund: { "zh-CN": "财务复核通过", en: "Approve refund" },
  refund: { "zh-CN": "原路退款", en: "Refund to original payment" },
  refund_succeeded: { "zh-CN": "退款成功", en: "Refund succeeded" },
  refund_failed: { "zh-CN": "退款失败", en: "Refund failed" },
  escalate: { "zh-CN": "超时升级", en: "Escalated after deadline" },
  expire: { "zh-CN": "超时关闭", en: "Closed after deadline" },
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

export const REASON_NAMES: Dict<ReasonCode> = {
  quality_problem: { "zh-CN": "质量问题", en: "Quality problem" },
  wrong_item: { "zh-CN": "发错货", en: "Wrong item" },
  damaged_in_transit: { "zh-CN": "运输破损", en: "Damaged in transit" },
  size_not_fit: { "zh-CN": "尺码不合适", en: "Size does not fit" },
  not_as_described: { "zh-CN": "与描述不符", en: "Not as described" },
  no_longer_wanted: { "zh-CN": "不想要了（七天无理由）", en: "No longer wanted" },
  missing_parts: { "zh-CN": "少件/漏发", en: "Missing parts" },
  other: { "zh-CN": "其他", en: "Other" },
};

export const REJECTION_NAMES: Dict<RejectionCode> = {
  outside_return_window: { "zh-CN": "已超过退换货期限", en: "Outside the return window" },
  evidence_insufficient: { "zh-CN": "凭证不足", en: "Not enough evidence" },
  used_or_damaged_by_customer: { "zh-CN": "商品已使用或人为损坏", en: "Used or damaged by the customer" },
  not_returnable_category: { "zh-CN": "该品类不支持退换", en: "Category cannot be returned" },
  suspected_fraud: { "zh-CN": "疑似欺诈", en: "Suspected fraud" },
  inspection_failed: { "zh-CN": "验货未通过", en: "Inspection failed" },
  other: { "zh-CN": "其他原因", en: "Other" },
};

export function term<K extends string>(dict: Dict<K>, key: K, locale: Locale): string {
  return dict[key]?.[locale] ?? key;
}

import type { DifferenceKind } from "../domain/reconciliation";
import type { RefundChannel, RefundKind, RefundStatus } from "../domain/vocabulary";
import type { Locale } from "./locale";

type Dict<K extends string> = Record<K, Record<Locale, string>>;

/** Names finance reads in the reconciliation page and export (zh-CN / en). */
export const REFUND_CHANNEL_NAMES: Dict<RefundChannel> = {
  alipay: { "zh-CN": "支付宝", en: "Alipay" },
  wechat_pay: { "zh-CN": "微信支付", en: "WeChat Pay" },
  offline: { "zh-CN": "线下退款", en: "Offline" },
  platform: { "zh-CN": "平台退款", en: "Platform" },
};

export const REFUND_KIND_NAMES: Dict<RefundKind> = {
  goods: { "zh-CN": "货款", en: "Goods" },
  price_difference: { "zh-CN": "差价", en: "Price difference" },
  postage: { "zh-CN": "运费", en: "Postage" },
};

export const REFUND_STATUS_NAMES: Dict<RefundStatus> = {
  pending: { "zh-CN": "待处理", en: "Pending" },
  processing: { "zh-CN": "处理中", en: "Processing" },
  succeeded: { "zh-CN": "已退款", en: "Succeeded" },
  failed: { "zh-CN": "失败", en: "Failed" },
  closed: { "zh-CN": "已关闭", en: "Closed" },
  abnormal: { "zh-CN": "异常", en: "Abnormal" },
};

export const DIFFERENCE_NAMES: Dict<DifferenceKind> = {
  missing_at_gateway: { "zh-CN": "网关无此退款", en: "Missing at the gateway" },
  missing_here: { "zh-CN": "本系统无此退款", en: "Missing here" },
  amount_differs: { "zh-CN": "金额不一致", en: "Amount differs" },
  status_differs: { "zh-CN": "状态不一致", en: "Status differs" },
  duplicate_payout: { "zh-CN": "重复退款", en: "Paid more than once" },
  other_day: { "zh-CN": "入账日期不同", en: "Counted on another day" },
};

export function name<K extends string>(dict: Dict<K>, key: K, locale: Locale): string {
  return dict[key][locale];
}

import type { Locale } from "@/server/i18n/locale";

/**
 * The exchange's replacement on both screens (decision 030): the warehouse's shipment dialog,
 * the out-of-stock notices, the conversion to a refund, and the customer's shipped card.
 */
const zhCN = {
  carriers: {
    sf: "顺丰速运",
    jd: "京东快递",
    zto: "中通快递",
    yto: "圆通速递",
    sto: "申通快递",
    yunda: "韵达快递",
    ems: "EMS",
    jt: "极兔速递",
    other: "其他（手动填写）",
  },
  staff: {
    shipBody: "填写换货商品的快递公司和单号，顾客会在申请页看到；发出后库存扣减一件。",
    carrier: "快递公司",
    carrierPick: "请选择",
    carrierOther: "快递公司名称",
    trackingNo: "快递单号",
    trackingHint: "6–40 位字母、数字或 -",
    shortTitle: "换货商品缺货",
    shortLine: "「{title}」要换的款式（{variant}）可用库存 {available} 件，需要 {quantity} 件。",
    shortCustomer: "按当前政策，由顾客在手机上选择是否改为退货退款；也可以驳回或要求补充资料。",
    shortStaff: "按当前政策，由客服或运营决定：可改为退货退款。",
    reserved: "已为本申请预留换货商品 {quantity} 件",
    convertBody: "换货改为退货退款：按实付金额退款 {amount}（不超过订单剩余可退金额），预留的换货商品一并释放。顾客会看到你填写的原因。",
    convertBodyNoAmount: "换货改为退货退款：按实付金额退款（不超过订单剩余可退金额），预留的换货商品一并释放。顾客会看到你填写的原因。",
    reason: "原因（顾客可见）",
    reasonPlaceholder: "例如：您要换的尺码已售罄，已为您改为退货退款",
    shippedTitle: "换货物流",
  },
  h5: {
    shortTitle: "你要换的商品暂时缺货",
    shortLine: "「{title}」（{variant}）",
    shortCustomer: "你可以改为退货退款，寄回商品后按实付金额退款；也可以继续等待补货。",
    shortStaff: "客服会为你处理：改为退款或等待补货，结果会通知你。",
    convert: "改为退货退款",
    convertConfirm: "确定改为退货退款吗？改后不能再换回换货。",
    convertYes: "确定改为退款",
    convertNo: "再想想",
    shippedTitle: "换货已发出",
    carrier: "快递公司",
    trackingNo: "快递单号",
    copy: "复制单号",
    copied: "已复制",
  },
};

type ReplacementMessages = typeof zhCN;

const en: ReplacementMessages = {
  carriers: {
    sf: "SF Express",
    jd: "JD Logistics",
    zto: "ZTO Express",
    yto: "YTO Express",
    sto: "STO Express",
    yunda: "Yunda Express",
    ems: "EMS",
    jt: "J&T Express",
    other: "Other (type it)",
  },
  staff: {
    shipBody: "Enter the carrier and tracking number of the replacement; the customer sees them on their request page. Shipping takes the unit out of stock.",
    carrier: "Carrier",
    carrierPick: "Choose",
    carrierOther: "Carrier name",
    trackingNo: "Tracking number",
    trackingHint: "6–40 letters, digits or -",
    shortTitle: "Replacement out of stock",
    shortLine: "“{title}” → {variant}: {available} available, {quantity} needed.",
    shortCustomer: "By the policy, the customer chooses on their phone whether to take a refund instead; you can also reject or ask for information.",
    shortStaff: "By the policy, customer service or operations decide: convert it to a refund.",
    reserved: "{quantity} replacement unit(s) reserved for this request",
    convertBody: "Convert the exchange to a return with refund: {amount} by what was paid (never above what is left of the order), and any reserved replacement is released. The customer sees your reason.",
    convertBodyNoAmount: "Convert the exchange to a return with refund by what was paid (never above what is left of the order); any reserved replacement is released. The customer sees your reason.",
    reason: "Reason (shown to the customer)",
    reasonPlaceholder: "e.g. The size you asked for is sold out, so we refund you instead",
    shippedTitle: "Replacement shipment",
  },
  h5: {
    shortTitle: "The item you want is out of stock",
    shortLine: "“{title}” ({variant})",
    shortCustomer: "You can take a refund instead: send the item back and get what you paid. Or wait for it to come back in stock.",
    shortStaff: "Customer service will take care of it (a refund, or waiting for stock) and let you know.",
    convert: "Take a refund instead",
    convertConfirm: "Change this exchange to a return with refund? It cannot be changed back.",
    convertYes: "Yes, refund me",
    convertNo: "Not now",
    shippedTitle: "Your replacement is on its way",
    carrier: "Carrier",
    trackingNo: "Tracking number",
    copy: "Copy number",
    copied: "Copied",
  },
};

export function replacementMessages(locale: Locale): ReplacementMessages {
  return locale === "en" ? en : zhCN;
}

/** A carrier as people read it: the list's name for a code, or what the warehouse typed. */
export function carrierName(carrier: string, locale: Locale): string {
  const names = replacementMessages(locale).carriers as Record<string, string>;
  return carrier !== "other" && names[carrier] ? names[carrier] : carrier;
}

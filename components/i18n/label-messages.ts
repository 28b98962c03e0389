import type { Locale } from "@/server/i18n/locale";

/** Words of the return slip (components/labels) and its two pages, customer and staff. Plain data. */
const zhCN = {
  pageTitle: "退货单 {rmaNo} · 退换货",
  heading: "退货单",
  slipTitle: "退货单",
  rmaLabel: "退换货单号",
  to: "寄往",
  from: "寄件人",
  addressee: "收件人 {name}",
  phone: "电话 {phone}",
  postalCode: "邮编 {code}",
  items: "应寄回的商品",
  item: "商品",
  quantity: "数量",
  check: "核对",
  moreLines: "另有 {n} 件商品，见 A4 清单",
  code128Label: "退换货单号 {rmaNo} 的条形码",
  qrLabel: "退换货单号 {rmaNo} 的二维码",
  filed: "申请日期 {date}",
  layout: "版式",
  a6: "A6 面单",
  a4: "A4 清单",
  print: "打印 / 保存为 PDF",
  printHint: "在打印窗口中可选择「另存为 PDF」。A6 面单贴在包裹外；A4 清单放进包裹里。",
  instructionsTitle: "寄件说明",
  instructions: ["把本单贴在包裹外，或把单号写在包裹上。", "只寄回上面列出的商品，配件和赠品一并寄回。", "寄出后在申请页填写快递公司和单号。"],
  back: "返回申请",
  backStaff: "返回申请详情",
  noWarehouse: "尚未设置退货仓库，请联系商家。",
  refusal: {
    title: "暂时不能打印退货单",
    no_parcel: "这个申请不需要寄回商品。",
    not_approved_yet: "申请审核通过后才能打印退货单。",
    goods_received: "仓库已经收到包裹，不再需要退货单。",
    request_over: "这个申请已结束，不需要寄回商品。",
  },
};

type LabelMessages = typeof zhCN;

const en: LabelMessages = {
  pageTitle: "Return slip {rmaNo} · Returns",
  heading: "Return slip",
  slipTitle: "Return slip",
  rmaLabel: "Return number",
  to: "Send to",
  from: "Sender",
  addressee: "Attn. {name}",
  phone: "Tel. {phone}",
  postalCode: "Postal code {code}",
  items: "Items to send back",
  item: "Item",
  quantity: "Qty",
  check: "Check",
  moreLines: "{n} more items: see the A4 sheet",
  code128Label: "Barcode of return number {rmaNo}",
  qrLabel: "QR code of return number {rmaNo}",
  filed: "Filed {date}",
  layout: "Layout",
  a6: "A6 label",
  a4: "A4 sheet",
  print: "Print / save as PDF",
  printHint: "The print dialog can also save a PDF. Stick the A6 label on the parcel; put the A4 sheet inside it.",
  instructionsTitle: "How to send it",
  instructions: [
    "Stick this slip on the parcel, or write the return number on it.",
    "Send back only the items listed, with their accessories and gifts.",
    "Once sent, enter the carrier and tracking number on the request page.",
  ],
  back: "Back to the request",
  backStaff: "Back to the request",
  noWarehouse: "No return warehouse is set up yet. Please contact the shop.",
  refusal: {
    title: "The return slip cannot be printed now",
    no_parcel: "This request does not send any goods back.",
    not_approved_yet: "The return slip can be printed once the request is approved.",
    goods_received: "The warehouse has received the parcel: no slip is needed any more.",
    request_over: "This request has ended: nothing needs to be sent back.",
  },
};

const MESSAGES: Record<Locale, LabelMessages> = { "zh-CN": zhCN, en };

export function labelMessages(locale: Locale): LabelMessages {
  return MESSAGES[locale];
}
export type { LabelMessages };

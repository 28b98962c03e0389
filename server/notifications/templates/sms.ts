import type { CustomerKeyPoint } from "../../domain/notification-plan";
import type { Locale } from "../../i18n/locale";

/**
 * The customer's SMS, one template per key point and language. Carriers in China deliver only
 * templates approved in advance, so these texts are what the shop registers with Aliyun (the sign
 * name 【…】 is added by Aliyun); the approved codes go in SMS_TEMPLATE_<KEY> (zh-CN) and
 * SMS_TEMPLATE_<KEY>_EN (README, Notifications). `${rma}` is the request's RMA number, the one
 * parameter every template takes. The sandbox (scripts/sandboxes/aliyun-sms.ts) renders them.
 */
export const SMS_TEXTS: Record<CustomerKeyPoint, Record<Locale, string>> = {
  submitted: {
    "zh-CN": "您的退换货申请${rma}已提交，我们会尽快审核，请留意短信通知。",
    en: "Your return request ${rma} has been submitted. We will review it soon and text you.",
  },
  needs_info: {
    "zh-CN": "您的退换货申请${rma}需要补充资料，请打开申请页面查看并补充。",
    en: "Your return request ${rma} needs more information. Please open the request page to add it.",
  },
  approved_ship: {
    "zh-CN": "您的退换货申请${rma}已通过审核，请按申请页面上的地址寄回商品并填写快递单号。",
    en: "Your return request ${rma} is approved. Please send the goods to the address on the request page and enter the tracking number.",
  },
  refund_approved: {
    "zh-CN": "您的退款申请${rma}已通过审核，退款将原路退回，请留意到账通知。",
    en: "Your refund request ${rma} is approved. The money goes back the way you paid.",
  },
  received: {
    "zh-CN": "我们已收到您退回的商品（申请${rma}），正在处理，请耐心等待。",
    en: "We have received the goods you returned (request ${rma}) and are processing them.",
  },
  refunded: {
    "zh-CN": "您的退换货申请${rma}已退款，款项将原路退回，具体到账时间以支付渠道为准。",
    en: "The refund for request ${rma} has been paid back the way you paid. When it arrives depends on your payment provider.",
  },
  rejected: {
    "zh-CN": "很抱歉，您的退换货申请${rma}未通过审核，原因请在申请页面查看。",
    en: "Sorry, your return request ${rma} was not approved. The reason is on the request page.",
  },
};

/** The template's parameter names, as Aliyun reads them (`${name}`). */
export function smsParamNames(text: string): string[] {
  return [...text.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]!);
}

/** The env suffix of a key point's template code: SMS_TEMPLATE_APPROVED_SHIP, SMS_TEMPLATE_APPROVED_SHIP_EN. */
export function smsTemplateVariable(key: CustomerKeyPoint, locale: Locale): string {
  return `SMS_TEMPLATE_${key.toUpperCase()}${locale === "en" ? "_EN" : ""}`;
}

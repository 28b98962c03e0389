import type { Locale } from "@/server/i18n/locale";

/** The customer's refund card on the H5 request page (components/h5/request/refund-card.tsx). */
const zhCN = {
  title: "退款",
  states: {
    queued: "退款已排队，即将发起",
    processing: "退款处理中，通常几分钟内到账",
    done: "退款已完成",
    being_handled: "退款暂未成功，我们正在处理，无需你操作",
  },
  amount: "退款金额",
  method: "退款方式",
  reference: "退款流水号",
  doneAt: "到账时间",
  methods: {
    alipay: "原路退回支付宝",
    wechat_pay: "原路退回微信支付",
    bank_transfer: "银行转账",
    cash: "现金",
    offline: "线下退款",
    platform: "由购买平台退款",
  },
};

type H5RefundMessages = typeof zhCN;

const en: H5RefundMessages = {
  title: "Refund",
  states: {
    queued: "Your refund is queued and about to be sent",
    processing: "Your refund is being processed; it usually arrives within minutes",
    done: "Your refund is complete",
    being_handled: "Your refund has not gone through yet. We are handling it; nothing for you to do",
  },
  amount: "Amount",
  method: "Paid back by",
  reference: "Refund reference",
  doneAt: "Paid at",
  methods: {
    alipay: "Alipay, to the original payment",
    wechat_pay: "WeChat Pay, to the original payment",
    bank_transfer: "Bank transfer",
    cash: "Cash",
    offline: "Offline refund",
    platform: "By the store you bought from",
  },
};

export function h5RefundMessages(locale: Locale): H5RefundMessages {
  return locale === "en" ? en : zhCN;
}

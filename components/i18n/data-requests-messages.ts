import type { Locale } from "@/server/i18n/locale";

/** The store manager's page of customers' personal-data requests (/dashboard/admin/data-requests). */
const zhCN = {
  pageTitle: "个人信息申请",
  intro: "顾客申请删除个人信息后在这里处理。处理时：已结束申请中的备注、照片、快递单号和留言被删除；仍在处理中的申请保留；退款金额和记账记录依法保留。每次处理都会记录操作人。",
  pendingTitle: "待处理",
  doneTitle: "已处理",
  emptyTitle: "没有待处理的申请",
  emptyBody: "顾客在 H5 的“账户与隐私”页面提交删除申请后会显示在这里。",
  customer: "顾客",
  askedAt: "提交时间",
  fulfilledAt: "处理时间",
  result: "结果",
  anonymisedCustomer: "（已匿名）",
  fulfil: "处理",
  confirmTitle: "处理这条删除申请？",
  confirmBody: "{customer} 已结束申请中的个人信息将被删除，无法恢复。仍在处理中的申请会保留到结束。",
  confirm: "删除个人信息",
  cancel: "取消",
  done: "已处理",
  outcome: "删除了 {count} 个申请的个人信息",
  keptOpen: "保留中：{list}",
  customerAnonymised: "顾客姓名和手机号已匿名",
  network: "网络不稳定，请稍后重试",
};

export type DataRequestsMessages = typeof zhCN;

const en: DataRequestsMessages = {
  pageTitle: "Data requests",
  intro:
    "Customers' requests to delete their personal data. Fulfilling one deletes notes, photos, tracking numbers and messages of their finished requests; requests still in progress are kept; refund amounts and accounting records are kept by law. Each fulfilment records who did it.",
  pendingTitle: "Pending",
  doneTitle: "Fulfilled",
  emptyTitle: "No pending requests",
  emptyBody: "When a customer asks for deletion on the H5 \u201cAccount & privacy\u201d page, it shows up here.",
  customer: "Customer",
  askedAt: "Asked",
  fulfilledAt: "Fulfilled",
  result: "Result",
  anonymisedCustomer: "(anonymised)",
  fulfil: "Fulfil",
  confirmTitle: "Fulfil this deletion request?",
  confirmBody: "The personal data in {customer}\u2019s finished requests is deleted for good. Requests still in progress are kept until they finish.",
  confirm: "Delete personal data",
  cancel: "Cancel",
  done: "Fulfilled",
  outcome: "Personal data removed from {count} requests",
  keptOpen: "Kept: {list}",
  customerAnonymised: "Name and phone anonymised",
  network: "Connection problem, please try again",
};

const MESSAGES: Record<Locale, DataRequestsMessages> = { "zh-CN": zhCN, en };

export function dataRequestsMessages(locale: Locale): DataRequestsMessages {
  return MESSAGES[locale];
}

import type { ChannelCode, StaffRole } from "@/server/domain/vocabulary";
import type { Locale } from "@/server/i18n/locale";

/**
 * Words of the staff UI (page chrome, labels, empty states). Domain words — statuses, types,
 * roles — come from server/i18n/domain-terms.ts so the API and the pages say the same thing.
 * Plain data: server and client components both import it.
 */
const zhCN = {
  app: {
    name: "退换货",
    tagline: "退换货审批工作台",
    description: "退换货申请的审核、验货与退款工作台",
    skipToContent: "跳到主要内容",
  },
  locale: {
    label: "语言",
  },
  login: {
    pageTitle: "员工登录",
    heading: "员工登录",
    intro: "登录后查看等待你处理的退换货申请。",
    email: "工作邮箱",
    emailPlaceholder: "name@company.cn",
    password: "密码",
    submit: "登录",
    submitting: "正在登录…",
    checking: "登录失败次数较多，正在进行浏览器验证…",
    errors: {
      credentials: "邮箱或密码不正确",
      rate_limited: "尝试次数过多，请 15 分钟后再试",
      proof_required: "浏览器验证未通过，请再试一次",
      invalid: "请检查标出的项目",
      unknown: "登录失败，请稍后再试",
    },
    features: [
      "客服审核、运营复核、仓库验货、财务退款，一条流程走完",
      "每一步都有记录：谁、在何时、做了什么",
      "截止时间自动跟踪，超时申请标红提醒",
    ],
    demo: {
      title: "演示账号",
      intro: "这是演示环境，点一个账号即可填入。密码均为",
      useLabel: "填入{role}账号",
    },
  },
  dashboard: {
    signOut: "退出登录",
    signedInAs: "当前用户",
    queueTitle: {
      customer_service: "客服审核队列",
      operations_manager: "运营复核队列",
      warehouse: "仓库收货队列",
      finance: "财务退款队列",
      admin: "全部进行中的申请",
    } satisfies Record<StaffRole, string>,
    queueIntro: {
      customer_service: "新提交的申请：核实资料是否齐全、合理，然后通过、驳回或要求补充资料。",
      operations_manager: "高金额或敏感品类的复核，以及验货不符需要决定的申请。",
      warehouse: "等待寄回和运输中的退货包裹，以及待发出的换货。",
      finance: "待财务复核和待原路退回的退款。",
      admin: "所有尚未完成的申请，不论在哪个环节。",
    } satisfies Record<StaffRole, string>,
    count: "{count} 条",
    documentTitle: "{title}（{count}）",
    sortedBy: "按截止时间排序，最紧急的在前 · 北京时间",
    columns: {
      rma: "退换货单号",
      customer: "客户",
      order: "订单",
      type: "类型",
      amount: "申请金额",
      status: "状态",
      deadline: "截止时间",
    },
    tableCaption: "{title}，共 {count} 条，按截止时间排序",
    overdue: "已超时",
    noRefund: "不退款",
    noDeadline: "无截止时间",
    emptyTitle: "队列已清空",
    emptyBody: "目前没有等待你处理的申请，新的申请到来时会出现在这里。",
    loading: "正在加载队列…",
    errorTitle: "队列加载失败",
    errorBody: "可能是网络或服务器暂时出了问题，请重试。",
    retry: "重试",
  },
  errors: {
    pageTitle: "页面加载失败",
    pageBody: "可能是网络或服务器暂时出了问题，请重试。",
    retry: "重试",
  },
  channels: {
    own_shop: "自营商城",
    taobao: "淘宝",
    jd: "京东",
    douyin: "抖音",
  } satisfies Record<ChannelCode, string>,
};

export type Messages = typeof zhCN;

const en: Messages = {
  app: {
    name: "退换货",
    tagline: "Returns & exchanges desk",
    description: "Review, inspect and refund return requests",
    skipToContent: "Skip to main content",
  },
  locale: {
    label: "Language",
  },
  login: {
    pageTitle: "Staff sign-in",
    heading: "Staff sign-in",
    intro: "Sign in to see the return requests waiting for you.",
    email: "Work email",
    emailPlaceholder: "name@company.com",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in…",
    checking: "Many failed sign-ins: checking your browser…",
    errors: {
      credentials: "Wrong email or password",
      rate_limited: "Too many attempts. Try again in 15 minutes",
      proof_required: "The browser check did not pass. Try again",
      invalid: "Please check the highlighted fields",
      unknown: "Sign-in failed. Try again later",
    },
    features: [
      "Customer service review, operations review, warehouse inspection and refund in one flow",
      "Every step is recorded: who did what, and when",
      "Deadlines are tracked and overdue requests flagged in red",
    ],
    demo: {
      title: "Demo accounts",
      intro: "This is a demo: pick an account to fill the form. Every password is",
      useLabel: "Use the {role} account",
    },
  },
  dashboard: {
    signOut: "Sign out",
    signedInAs: "Signed in as",
    queueTitle: {
      customer_service: "Customer service queue",
      operations_manager: "Operations review queue",
      warehouse: "Warehouse receiving queue",
      finance: "Finance refund queue",
      admin: "All open requests",
    },
    queueIntro: {
      customer_service: "New requests: check they are complete and plausible, then approve, reject or ask for more information.",
      operations_manager: "High-value or sensitive requests to review, and inspection mismatches to decide.",
      warehouse: "Return parcels on their way or still to be sent, and replacements to ship.",
      finance: "Refunds awaiting approval and refunds to pay back to the original payment method.",
      admin: "Every request that is not finished yet, whatever its stage.",
    },
    count: "{count}",
    documentTitle: "{title} ({count})",
    sortedBy: "Sorted by deadline, most urgent first · Beijing time (UTC+8)",
    columns: {
      rma: "RMA",
      customer: "Customer",
      order: "Order",
      type: "Type",
      amount: "Amount",
      status: "Status",
      deadline: "Deadline",
    },
    tableCaption: "{title}: {count} requests, sorted by deadline",
    overdue: "Overdue",
    noRefund: "No refund",
    noDeadline: "No deadline",
    emptyTitle: "Queue is clear",
    emptyBody: "Nothing is waiting for you right now. New requests will show up here.",
    loading: "Loading the queue…",
    errorTitle: "The queue could not be loaded",
    errorBody: "The network or the server may be having a moment. Please try again.",
    retry: "Try again",
  },
  errors: {
    pageTitle: "This page could not be loaded",
    pageBody: "The network or the server may be having a moment. Please try again.",
    retry: "Try again",
  },
  channels: {
    own_shop: "Own shop",
    taobao: "Taobao",
    jd: "JD",
    douyin: "Douyin",
  },
};

export const MESSAGES: Record<Locale, Messages> = { "zh-CN": zhCN, en };

export function messages(locale: Locale): Messages {
  return MESSAGES[locale];
}

/** The name each language is offered under in the switch, written in that language. */
export const LOCALE_NAMES: Record<Locale, string> = { "zh-CN": "中文", en: "English" };

// Kept here so existing imports of `format` next to `messages` keep working; the one definition is in components/format.
export { format } from "@/components/format/template";

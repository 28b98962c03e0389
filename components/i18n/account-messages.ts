import type { Locale } from "@/server/i18n/locale";

/** The customer's account page (/account): devices, "my data", deletion. */
const zhCN = {
  pageTitle: "账户与隐私",
  heading: "账户与隐私",
  intro: "查看在哪些设备上登录过，下载我们保存的您的数据，或申请删除。",
  devices: {
    title: "登录的设备",
    description: "超过 {days} 天未使用的设备会自动退出。",
    thisDevice: "本机",
    unknownDevice: "未知设备",
    signedInAt: "登录于 {date}",
    lastSeen: "最近使用 {date}",
    signOut: "退出该设备",
    signOutEverywhere: "退出所有设备",
    confirmTitle: "退出所有设备？",
    confirmBody: "包括本机在内的所有设备都会退出登录，之后需要重新接收短信验证码。",
    confirm: "全部退出",
    cancel: "取消",
    done: "已退出该设备",
    empty: "没有其他登录的设备",
  },
  myData: {
    title: "我的数据",
    description: "下载一份 JSON 文件：您的联系方式、订单、退换货申请（含备注与进度）、上传的照片清单和登录设备。",
    download: "下载我的数据",
    preparing: "正在准备…",
  },
  erasure: {
    title: "删除我的个人信息",
    description:
      "提交后由店长处理。已结束的申请中的备注、照片、快递单号和留言会被删除，姓名和手机号也会匿名化；仍在处理中的申请会保留到结束为止；退款金额和记账记录依法保留，但不再与您关联。",
    request: "申请删除",
    confirmTitle: "申请删除个人信息？",
    confirmBody: "店长处理后无法恢复。如果所有申请都已结束，您会被退出登录，之后用同一手机号登录将看不到以前的记录。",
    confirm: "提交申请",
    pending: "已提交，等待店长处理（{date}）",
    fulfilled: "已处理（{date}）",
    outcome: "已删除 {count} 个已结束申请中的个人信息。",
    keptOpen: "仍在处理的申请已保留，结束后再删除：{list}",
    customerAnonymised: "姓名和手机号已匿名化。",
    none: "您还没有提交过删除申请。",
  },
  network: "网络不稳定，请稍后重试",
};

export type AccountMessages = typeof zhCN;

const en: AccountMessages = {
  pageTitle: "Account & privacy",
  heading: "Account & privacy",
  intro: "See where you are signed in, download the data we hold about you, or ask us to delete it.",
  devices: {
    title: "Signed-in devices",
    description: "A device unused for {days} days is signed out automatically.",
    thisDevice: "This device",
    unknownDevice: "Unknown device",
    signedInAt: "Signed in {date}",
    lastSeen: "Last used {date}",
    signOut: "Sign out this device",
    signOutEverywhere: "Sign out everywhere",
    confirmTitle: "Sign out everywhere?",
    confirmBody: "Every device, this one included, is signed out; you will need a new SMS code to sign in again.",
    confirm: "Sign out all",
    cancel: "Cancel",
    done: "That device is signed out",
    empty: "No other signed-in devices",
  },
  myData: {
    title: "My data",
    description: "Download a JSON file with your contact details, orders, return requests (notes and progress), the list of photos you uploaded and your signed-in devices.",
    download: "Download my data",
    preparing: "Preparing…",
  },
  erasure: {
    title: "Delete my personal data",
    description:
      "The store manager handles your request. Notes, photos, tracking numbers and messages of finished requests are deleted and your name and phone number anonymised; requests still in progress are kept until they finish; refund amounts and accounting records are kept by law, no longer linked to you.",
    request: "Ask for deletion",
    confirmTitle: "Ask to delete your personal data?",
    confirmBody: "This cannot be undone once handled. If all your requests have finished you will be signed out, and signing in with the same number will not show your past requests.",
    confirm: "Send request",
    pending: "Sent, waiting for the store manager ({date})",
    fulfilled: "Handled ({date})",
    outcome: "Personal data removed from {count} finished requests.",
    keptOpen: "Requests still in progress are kept until they finish: {list}",
    customerAnonymised: "Your name and phone number were anonymised.",
    none: "You have not asked for deletion.",
  },
  network: "Connection problem, please try again",
};

const MESSAGES: Record<Locale, AccountMessages> = { "zh-CN": zhCN, en };

export function accountMessages(locale: Locale): AccountMessages {
  return MESSAGES[locale];
}

import type { Locale } from "@/server/i18n/locale";

/** Texts of the two-factor pages (enrollment and the code step), zh-CN and en. */
const zh = {
  pageTitle: "两步验证",
  verifyHeading: "输入验证码",
  verifyIntro: "打开手机上的验证器应用（如 Microsoft Authenticator、Google 身份验证器），输入「退换货」显示的 6 位数字。",
  codeLabel: "6 位验证码",
  recoveryLabel: "恢复码",
  recoveryHint: "每个恢复码只能用一次，格式如 abcde-fghjk",
  useRecovery: "手机不在身边？使用恢复码",
  useCode: "改用验证器上的验证码",
  submit: "验证",
  submitting: "正在验证…",
  signOut: "换个账号登录",
  demoCode: "演示账号当前的验证码：",
  demoCodeNote: "（只在演示环境显示，每 30 秒更换）",
  enrollHeading: "开启两步验证",
  enrollRequired: "财务和店长账号涉及退款和规则修改，必须开启两步验证：登录时除了密码，还要输入手机验证器上的动态验证码。",
  enrollOptional: "开启后，登录时除了密码，还要输入手机验证器上的动态验证码。",
  step1: "1. 用验证器应用扫描二维码",
  step1Alt: "无法扫描？手动输入这个密钥：",
  qrAlt: "两步验证二维码",
  step2: "2. 输入验证器显示的 6 位数字，确认绑定",
  confirm: "确认并开启",
  confirming: "正在确认…",
  codesHeading: "保存你的恢复码",
  codesIntro: "手机丢失时，可以用下面的恢复码代替验证码登录，每个只能用一次。它们只显示这一次：请打印或抄写下来，放在安全的地方。",
  codesListLabel: "恢复码",
  copy: "复制全部",
  copied: "已复制",
  codesDone: "我已保存，继续",
  recoveryLeft: "已使用恢复码登录，还剩 {n} 个。",
} as const;

type Messages = { [K in keyof typeof zh]: string };

const en: Messages = {
  pageTitle: "Two-step verification",
  verifyHeading: "Enter your code",
  verifyIntro: "Open the authenticator app on your phone (e.g. Microsoft Authenticator, Google Authenticator) and enter the 6-digit code shown for 退换货.",
  codeLabel: "6-digit code",
  recoveryLabel: "Recovery code",
  recoveryHint: "Each recovery code works once; it looks like abcde-fghjk",
  useRecovery: "Phone not at hand? Use a recovery code",
  useCode: "Use the code from your authenticator instead",
  submit: "Verify",
  submitting: "Verifying…",
  signOut: "Sign in with another account",
  demoCode: "Current code of this demo account: ",
  demoCodeNote: " (shown in the demo only; changes every 30 s)",
  enrollHeading: "Turn on two-step verification",
  enrollRequired:
    "Finance and store manager accounts move money and change rules, so they need two-step verification: besides the password, you enter the changing code from an authenticator app on your phone.",
  enrollOptional: "Besides the password, you will enter the changing code from an authenticator app on your phone.",
  step1: "1. Scan the QR code with your authenticator app",
  step1Alt: "Cannot scan? Type this key instead:",
  qrAlt: "Two-step verification QR code",
  step2: "2. Enter the 6-digit code it shows to confirm",
  confirm: "Confirm and turn on",
  confirming: "Confirming…",
  codesHeading: "Save your recovery codes",
  codesIntro:
    "If you lose your phone, sign in with one of these codes instead of a code from the app; each works once. They are shown only now: print or write them down and keep them somewhere safe.",
  codesListLabel: "Recovery codes",
  copy: "Copy all",
  copied: "Copied",
  codesDone: "I have saved them, continue",
  recoveryLeft: "Signed in with a recovery code; {n} left.",
};

export function twoFactorMessages(locale: Locale): Messages {
  return locale === "en" ? en : zh;
}

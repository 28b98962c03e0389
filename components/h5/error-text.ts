import type { Locale } from "@/server/i18n/locale";

/** The error boundary's words only: it is a client component, so the full H5 dictionary stays on the server. */
export const ERROR_TEXT: Record<Locale, { title: string; body: string; retry: string; home: string }> = {
  "zh-CN": { title: "页面没有加载出来", body: "可能是网络不稳定，请稍后重试。", retry: "重试", home: "返回首页" },
  en: { title: "The page did not load", body: "The network may be unstable. Please try again.", retry: "Try again", home: "Back to start" },
};

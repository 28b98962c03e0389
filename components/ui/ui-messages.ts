import type { Locale } from "@/server/i18n/locale";

/** The few words the shared primitives say themselves (close buttons, default cancel). */
const UI_MESSAGES = {
  "zh-CN": { close: "关闭", cancel: "取消", dismiss: "关闭通知", notifications: "通知" },
  en: { close: "Close", cancel: "Cancel", dismiss: "Dismiss notification", notifications: "Notifications" },
} as const satisfies Record<Locale, Record<string, string>>;

export function uiMessages(locale: Locale) {
  return UI_MESSAGES[locale];
}

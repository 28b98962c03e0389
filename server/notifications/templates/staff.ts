import type { StaffNotice } from "../../domain/notification-plan";
import { ROLE_NAMES, STATUS_NAMES } from "../../i18n/domain-terms";
import { interpolate, type Locale } from "../../i18n/locale";
import type { ReturnStatus, StaffRole } from "../../domain/vocabulary";

/**
 * The staff's messages (WeCom group robot markdown, e-mail), one per notice and language.
 * `{name}` placeholders are filled by renderStaffMessage.
 */
export const STAFF_TEXTS: Record<StaffNotice, Record<Locale, { title: string; body: string }>> = {
  new_work: {
    "zh-CN": { title: "新任务：{rma}（{status}）", body: "退换货申请 {rma} 进入「{status}」，等待{role}处理。" },
    en: { title: "New work: {rma} ({status})", body: "Return request {rma} is now “{status}” and waits for {role}." },
  },
  overdue: {
    "zh-CN": {
      title: "已超时：{rma}（{status}）",
      body: "退换货申请 {rma} 在「{status}」阶段已超过处理时限（{deadline}）。{outcome}",
    },
    en: {
      title: "Overdue: {rma} ({status})",
      body: "Return request {rma} has been “{status}” past its deadline ({deadline}). {outcome}",
    },
  },
};

const OUTCOME: Record<"remind" | "alert", Record<Locale, string>> = {
  remind: { "zh-CN": "请尽快处理。", en: "Please act on it soon." },
  alert: { "zh-CN": "请立即跟进。", en: "Please follow up now." },
};

const OPEN: Record<Locale, string> = { "zh-CN": "打开申请", en: "Open the request" };

export interface StaffMessageInput {
  notice: StaffNotice;
  locale: Locale;
  rmaNo: string;
  status: ReturnStatus;
  role: StaffRole;
  /** overdue only */
  deadlineAt?: Date | null;
  outcome?: "remind" | "alert";
  /** The staff page of the request, when the shop's address is known (AUTH_URL). */
  link?: string | null;
}

function formatTime(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false }).format(at);
}

/** Title and plain text; `markdown` is the same for a WeCom robot (which renders a subset of Markdown). */
export function renderStaffMessage(m: StaffMessageInput): { title: string; text: string; markdown: string } {
  const t = STAFF_TEXTS[m.notice][m.locale];
  const params = {
    rma: m.rmaNo,
    status: STATUS_NAMES[m.status][m.locale],
    role: ROLE_NAMES[m.role][m.locale],
    deadline: m.deadlineAt ? formatTime(m.deadlineAt, m.locale) : "—",
    outcome: m.outcome ? OUTCOME[m.outcome][m.locale] : "",
  };
  const title = interpolate(t.title, params);
  const body = interpolate(t.body, params).trim();
  const text = m.link ? `${body}\n${OPEN[m.locale]}: ${m.link}` : body;
  const markdown = `**${title}**\n> ${body}${m.link ? `\n[${OPEN[m.locale]}](${m.link})` : ""}`;
  return { title, text, markdown };
}

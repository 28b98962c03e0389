import { TIMED_STATUSES, type TimedStatus, type TimeoutAction } from "@/server/domain/timeouts";
import { ROLE_NAMES, term } from "@/server/i18n/domain-terms";
import type { Locale } from "@/server/i18n/locale";

/** The words of the policy's timeout rules (the editor's section, and the version history). */
export const TIMEOUT_TEXT = {
  "zh-CN": {
    title: "超时处理",
    intro: "每个环节超过时限后系统自动执行的处理，记录在申请历史中（由「系统」执行）。提醒和告警不改变申请状态，申请在列表中继续显示为已超时。",
    stages: {
      pending_cs_review: "客服审核超时",
      pending_ops_review: "运营复核超时",
      inspection_mismatch: "验货不符待处理超时",
      needs_info: "客户补充资料超时",
      awaiting_shipment: "客户寄回超时",
      in_transit: "仓库签收超时",
      pending_refund_approval: "财务复核超时",
      pending_refund: "退款超时",
      refunding: "退款到账超时",
      pending_replacement: "换货发出超时",
      rejected: "申诉期结束",
    } satisfies Record<TimedStatus, string>,
    actions: {
      remind: "提醒负责岗位",
      alert: "告警（负责岗位和店长）",
      escalate: "升级到运营复核",
      auto_approve: "自动通过（不超过金额上限）",
      close: "自动关闭申请",
    } satisfies Record<TimeoutAction, string>,
    autoApproveMaxFen: "自动通过的金额上限（元）",
    autoApproveHint: "超过上限的申请升级到运营复核；留空使用批量通过上限。",
    notifyRoles: "通知岗位",
    notifyRolesHint: "不勾选则通知：{roles}",
    defaultMark: "（默认）",
  },
  en: {
    title: "When a deadline passes",
    intro: "What the system does when a stage runs past its time limit, recorded in the request's history (by “System”). Reminders and alerts keep the status: the request stays overdue in the lists.",
    stages: {
      pending_cs_review: "Customer service review late",
      pending_ops_review: "Operations review late",
      inspection_mismatch: "Inspection mismatch not decided",
      needs_info: "Customer did not add information",
      awaiting_shipment: "Customer did not ship",
      in_transit: "Parcel not received",
      pending_refund_approval: "Refund approval late",
      pending_refund: "Refund late",
      refunding: "Refund not confirmed",
      pending_replacement: "Replacement not sent",
      rejected: "Appeal window over",
    } satisfies Record<TimedStatus, string>,
    actions: {
      remind: "Remind the role",
      alert: "Alert (the role and the store manager)",
      escalate: "Escalate to operations review",
      auto_approve: "Approve automatically (up to a limit)",
      close: "Close the request",
    } satisfies Record<TimeoutAction, string>,
    autoApproveMaxFen: "Approve automatically up to (¥)",
    autoApproveHint: "Requests above the limit are escalated to operations; empty: the bulk approval limit.",
    notifyRoles: "Who is told",
    notifyRolesHint: "None ticked: {roles}",
    defaultMark: " (default)",
  },
} as const;

export const roleList = (roles: readonly string[], locale: Locale) => roles.map((r) => term(ROLE_NAMES, r as never, locale)).join(locale === "en" ? ", " : "、");

/** A history diff path under `timeouts.` in words ("Refund late: action"), or null for any other path. */
export function timeoutFieldName(path: string, locale: Locale): string | null {
  const [head, status, field] = path.split(".");
  if (head !== "timeouts" || !status || !(TIMED_STATUSES as readonly string[]).includes(status)) return null;
  const text = TIMEOUT_TEXT[locale];
  const what = field === "autoApproveMaxFen" ? text.autoApproveMaxFen : field === "notifyRoles" ? text.notifyRoles : "";
  return what ? `${text.stages[status as TimedStatus]} · ${what}` : text.stages[status as TimedStatus];
}

/** A history diff value under `timeouts.` in words (an action's name), or null. */
export function timeoutValueText(path: string, value: unknown, locale: Locale): string | null {
  if (!path.startsWith("timeouts.")) return null;
  if (Array.isArray(value)) return roleList(value as string[], locale);
  if (typeof value !== "string") return null;
  const actions = TIMEOUT_TEXT[locale].actions as Record<string, string>;
  if (path.endsWith(".action") && actions[value]) return actions[value];
  return null;
}

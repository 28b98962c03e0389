"use client";

import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { dateTime, format } from "@/components/format";
import { adminMessages } from "@/components/i18n/admin-messages";
import { useLocale } from "@/components/i18n/locale-context";
import { useTRPC } from "@/components/staff/trpc";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { inputClass } from "@/components/ui/input";
import { Table, tdClass, thClass } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { AppRouter } from "@/server/api/root";
import { STAFF_ROLES, type StaffRole } from "@/server/domain/vocabulary";
import { ROLE_NAMES, term } from "@/server/i18n/domain-terms";
import { CreateStaffDialog } from "./create-staff-dialog";
import { serverFailure } from "./form-errors";
import { OneTimePasswordDialog } from "./one-time-password-dialog";

type StaffRow = inferRouterOutputs<AppRouter>["admin"]["staffList"][number];

/** What the confirm dialog is about to do. */
type Pending =
  | { kind: "active"; row: StaffRow; active: boolean }
  | { kind: "role"; row: StaffRow; role: StaffRole }
  | { kind: "reset"; row: StaffRow }
  | { kind: "reset2fa"; row: StaffRow };

/** The staff table with its dialogs: create, change role, disable/enable, reset password. */
export function StaffAccounts({ rows, meId }: { rows: StaffRow[]; meId: string }) {
  const locale = useLocale();
  const m = adminMessages(locale).staff;
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const [password, setPassword] = useState<{ name: string; password: string } | null>(null);

  const done = () => {
    setConfirming(null);
    router.refresh();
  };
  const setActive = useMutation(trpc.admin.setStaffActive.mutationOptions({ onSuccess: () => (toast.show(m.saved, { tone: "success" }), done()) }));
  const setRole = useMutation(trpc.admin.setStaffRole.mutationOptions({ onSuccess: () => (toast.show(m.saved, { tone: "success" }), done()) }));
  const reset = useMutation(trpc.admin.resetStaffPassword.mutationOptions());
  const reset2fa = useMutation(trpc.admin.resetStaffSecondFactor.mutationOptions({ onSuccess: () => (toast.show(m.saved, { tone: "success" }), done()) }));
  const busy = setActive.isPending || setRole.isPending || reset.isPending || reset2fa.isPending;
  const failure = serverFailure(setActive.error ?? setRole.error ?? reset.error ?? reset2fa.error);

  const open = (p: Pending) => {
    setActive.reset();
    setRole.reset();
    reset.reset();
    reset2fa.reset();
    setConfirming(p);
  };

  const confirm = () => {
    if (!confirming) return;
    const id = confirming.row.id;
    if (confirming.kind === "active") setActive.mutate({ id, active: confirming.active });
    else if (confirming.kind === "role") setRole.mutate({ id, role: confirming.role });
    else if (confirming.kind === "reset2fa") reset2fa.mutate({ id });
    else {
      const name = confirming.row.name;
      reset.mutate(
        { id },
        {
          onSuccess: (res) => {
            done();
            setPassword({ name, password: res.oneTimePassword });
          },
        },
      );
    }
  };

  const dialogText = (p: Pending) => {
    const name = p.row.name;
    if (p.kind === "active") return p.active ? { title: format(m.confirmEnableTitle, { name }), body: m.confirmEnableBody } : { title: format(m.confirmDisableTitle, { name }), body: m.confirmDisableBody };
    if (p.kind === "role") return { title: format(m.confirmRoleTitle, { name, role: term(ROLE_NAMES, p.role, locale) }), body: m.confirmRoleBody };
    if (p.kind === "reset2fa") return { title: format(m.confirmResetTwoFactorTitle, { name }), body: m.confirmResetTwoFactorBody };
    return { title: format(m.confirmResetTitle, { name }), body: m.confirmResetBody };
  };
  const text = confirming ? dialogText(confirming) : null;

  return (
    <>
      <div className="mb-4 flex justify-end">
        <button type="button" onClick={() => setCreating(true)} className={buttonClass("primary")}>
          {m.create}
        </button>
      </div>

      <Table
        caption={m.tableCaption}
        captionHidden
        minWidth="min-w-[56rem]"
        head={
          <>
            <th scope="col" className={thClass()}>{m.name}</th>
            <th scope="col" className={thClass()}>{m.email}</th>
            <th scope="col" className={thClass()}>{m.role}</th>
            <th scope="col" className={thClass()}>{m.status}</th>
            <th scope="col" className={thClass()}>{m.lastSignIn}</th>
            <th scope="col" className={thClass("text-right")}>{m.actions}</th>
          </>
        }
      >
        {rows.map((row) => {
          const self = row.id === meId;
          return (
            <tr key={row.id} className={row.active ? undefined : "bg-slate-50 text-slate-500"}>
              <th scope="row" className={tdClass("font-medium text-slate-900")}>
                {row.name}
                {self && <span className="font-normal text-slate-600">{m.you}</span>}
              </th>
              <td className={tdClass("break-all")}>{row.email}</td>
              <td className={tdClass()}>
                <select
                  aria-label={format(m.changeRoleLabel, { name: row.name })}
                  value={row.role}
                  disabled={self || busy}
                  onChange={(e) => open({ kind: "role", row, role: e.target.value as StaffRole })}
                  className={`${inputClass} min-w-40 py-1.5 text-sm`}
                >
                  {STAFF_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {term(ROLE_NAMES, r, locale)}
                    </option>
                  ))}
                </select>
              </td>
              <td className={tdClass()}>
                <div className="flex flex-wrap gap-1">
                  <Badge tone={row.active ? "success" : "neutral"}>{row.active ? m.active : m.disabled}</Badge>
                  {row.mustChangePassword && <Badge tone="warning">{m.mustChange}</Badge>}
                  {row.twoFactor && <Badge tone="neutral">{m.twoFactorOn}</Badge>}
                </div>
              </td>
              <td className={tdClass("whitespace-nowrap")}>{row.lastLoginAt ? dateTime(row.lastLoginAt, locale) : m.never}</td>
              <td className={tdClass("text-right")}>
                {!self && (
                  <div className="flex justify-end gap-2">
                    <button type="button" onClick={() => open({ kind: "reset", row })} className={buttonClass("secondary", "min-h-9 px-3 whitespace-nowrap")} aria-label={`${m.resetPassword}: ${row.name}`}>
                      {m.resetPassword}
                    </button>
                    {row.twoFactor && (
                      <button type="button" onClick={() => open({ kind: "reset2fa", row })} className={buttonClass("secondary", "min-h-9 px-3 whitespace-nowrap")} aria-label={`${m.resetTwoFactor}: ${row.name}`}>
                        {m.resetTwoFactor}
                      </button>
                    )}
                    <button
                      type="button"
                      onClick={() => open({ kind: "active", row, active: !row.active })}
                      className={buttonClass("secondary", `min-h-9 px-3 whitespace-nowrap ${row.active ? "text-red-700" : ""}`)}
                      aria-label={`${row.active ? m.disable : m.enable}: ${row.name}`}
                    >
                      {row.active ? m.disable : m.enable}
                    </button>
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      </Table>

      <ConfirmDialog
        open={confirming !== null}
        onCancel={() => setConfirming(null)}
        onConfirm={confirm}
        title={text?.title}
        body={text?.body}
        confirmLabel={m.confirm}
        tone={confirming?.kind === "active" && !confirming.active ? "danger" : "primary"}
        pending={busy}
        error={failure?.message}
      />
      <CreateStaffDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(name, pw) => {
          setCreating(false);
          toast.show(format(m.createdToast, { name }), { tone: "success" });
          router.refresh();
          setPassword({ name, password: pw });
        }}
      />
      <OneTimePasswordDialog shown={password} onClose={() => setPassword(null)} />
    </>
  );
}

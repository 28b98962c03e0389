"use client";

import { adminMessages } from "@/components/i18n/admin-messages";
import { useLocale } from "@/components/i18n/locale-context";
import { format } from "@/components/format";
import { OneTimeSecretDialog } from "./one-time-secret-dialog";

/** Shows a one-time password exactly once (the server keeps only its hash). */
export function OneTimePasswordDialog({ shown, onClose }: { shown: { name: string; password: string } | null; onClose: () => void }) {
  const m = adminMessages(useLocale()).staff;
  return (
    <OneTimeSecretDialog
      secret={shown?.password ?? null}
      testId="one-time-password"
      onClose={onClose}
      words={{
        title: m.otpTitle,
        body: shown ? format(m.otpBody, { name: shown.name }) : "",
        label: m.otpLabel,
        copy: m.copy,
        copied: m.copied,
        copyFailed: m.copyFailed,
        done: m.done,
      }}
    />
  );
}

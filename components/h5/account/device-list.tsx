"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { dateTime, format } from "@/components/format";
import { accountMessages } from "@/components/i18n/account-messages";
import { useLocale } from "@/components/i18n/locale-context";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { api, failureOf } from "../api";
import { deviceName } from "./device-name";

export interface DeviceRow {
  id: string;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/** The customer's signed-in browsers, each with its own sign-out, and "sign out everywhere". */
export function DeviceList({ devices, idleDays }: { devices: DeviceRow[]; idleDays: number }) {
  const locale = useLocale();
  const t = accountMessages(locale);
  const m = t.devices;
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  // This browser's session ended: back to the entry page, re-rendered without the cookie.
  const signedOut = () => {
    router.push("/");
    router.refresh();
  };

  const signOut = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      const res = await api.customer.signOutDevice.mutate({ id });
      if (res.signedOut) signedOut();
      else router.refresh();
    } catch (e) {
      setError(failureOf(e, t.network).message);
    } finally {
      setBusy(null);
    }
  };

  const signOutEverywhere = async () => {
    setBusy("all");
    setError(null);
    try {
      await api.customer.signOutEverywhere.mutate();
      signedOut();
    } catch (e) {
      setError(failureOf(e, t.network).message);
      setBusy(null);
    }
  };

  return (
    <Card as="section" radius="2xl" aria-labelledby="devices-title">
      <CardHeader id="devices-title" title={m.title} description={format(m.description, { days: idleDays })} />
      {error && <Alert className="mt-3">{error}</Alert>}
      <ul className="mt-3 divide-y divide-slate-100">
        {devices.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-3">
            <div className="min-w-0">
              <p className="flex items-center gap-2 font-medium text-slate-900">
                {deviceName(d.userAgent) ?? m.unknownDevice}
                {d.current && <Badge tone="accent">{m.thisDevice}</Badge>}
              </p>
              <p className="text-sm text-slate-600">{format(m.lastSeen, { date: dateTime(d.lastSeenAt, locale) })}</p>
              <p className="text-xs text-slate-500">{format(m.signedInAt, { date: dateTime(d.createdAt, locale) })}</p>
            </div>
            <button type="button" className={buttonClass("secondary")} disabled={busy !== null} onClick={() => void signOut(d.id)}>
              {m.signOut}
            </button>
          </li>
        ))}
      </ul>
      {devices.length <= 1 && <p className="text-sm text-slate-600">{m.empty}</p>}
      <button type="button" className={buttonClass("danger", "mt-4 w-full sm:w-auto")} disabled={busy !== null} onClick={() => setConfirming(true)}>
        {m.signOutEverywhere}
      </button>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={m.confirmTitle}
        description={m.confirmBody}
        dismissible={busy === null}
        size="sm"
        footer={
          <>
            <button type="button" className={buttonClass("secondary")} disabled={busy !== null} onClick={() => setConfirming(false)}>
              {m.cancel}
            </button>
            <button type="button" className={buttonClass("danger")} disabled={busy !== null} onClick={() => void signOutEverywhere()}>
              {m.confirm}
            </button>
          </>
        }
      />
    </Card>
  );
}

"use client";

import { useState } from "react";
import superjson from "superjson";
import { accountMessages } from "@/components/i18n/account-messages";
import { useLocale } from "@/components/i18n/locale-context";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { api, failureOf } from "../api";

/** "我的数据": fetches the customer's data export and saves it as a JSON file. */
export function MyData() {
  const t = accountMessages(useLocale());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const data = await api.customer.myData.query();
      // Plain JSON for the person reading it (dates as ISO strings), not superjson's envelope.
      const json = JSON.stringify(superjson.serialize(data).json, null, 2);
      const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = `my-data-${new Date().toISOString().slice(0, 10)}.json`;
      document.body.append(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(failureOf(e, t.network).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card as="section" radius="2xl" aria-labelledby="my-data-title">
      <CardHeader id="my-data-title" title={t.myData.title} description={t.myData.description} />
      {error && <Alert className="mt-3">{error}</Alert>}
      <button type="button" className={buttonClass("secondary", "mt-4 w-full sm:w-auto")} disabled={busy} onClick={() => void download()}>
        {busy && <Spinner />}
        {busy ? t.myData.preparing : t.myData.download}
      </button>
    </Card>
  );
}

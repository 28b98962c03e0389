import type { Metadata } from "next";
import { DeviceList } from "@/components/h5/account/device-list";
import { Erasure } from "@/components/h5/account/erasure";
import { MyData } from "@/components/h5/account/my-data";
import { customerRead } from "@/components/h5/load";
import { accountMessages } from "@/components/i18n/account-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { serverCaller } from "@/server/api/server-caller";
import { env } from "@/server/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: accountMessages(await requestLocale()).pageTitle };
}

/** The customer's devices, their data, and deletion (docs/decisions/018-personal-data.md). */
export default async function AccountPage() {
  const [locale, caller] = await Promise.all([requestLocale(), serverCaller()]);
  const [devices, erasures] = await customerRead(() => Promise.all([caller.customer.devices(), caller.customer.erasureRequests()]), "/");
  const t = accountMessages(locale);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t.heading}</h1>
        <p className="mt-1 text-sm text-slate-600">{t.intro}</p>
      </div>
      <DeviceList devices={devices} idleDays={env().CUSTOMER_SESSION_IDLE_DAYS} />
      <MyData />
      <Erasure requests={erasures.map((e) => ({ ...e, outcome: e.outcome ?? null }))} />
    </div>
  );
}

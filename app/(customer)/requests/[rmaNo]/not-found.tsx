import Link from "next/link";
import { StatePanel } from "@/components/h5/state-panel";
import { h5Messages } from "@/components/i18n/h5-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { buttonClass } from "@/components/ui/button";

export default async function RequestNotFound() {
  const m = h5Messages(await requestLocale());
  return (
    <StatePanel icon="missing" title={m.request.notFoundTitle} body={m.request.notFoundBody}>
      <Link href="/requests" className={buttonClass("primary", "w-full text-base")}>
        {m.request.back}
      </Link>
      <Link href="/" className={buttonClass("secondary", "w-full text-base")}>
        {m.states.home}
      </Link>
    </StatePanel>
  );
}

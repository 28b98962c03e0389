import Link from "next/link";
import { StatePanel } from "@/components/h5/state-panel";
import { h5Messages } from "@/components/i18n/h5-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { buttonClass } from "@/components/ui/button";

export default async function H5NotFound() {
  const t = h5Messages(await requestLocale()).states;
  return (
    <StatePanel icon="missing" title={t.notFoundTitle} body={t.notFoundBody}>
      <Link href="/" className={buttonClass("primary", "w-full text-base")}>
        {t.home}
      </Link>
    </StatePanel>
  );
}

import Link from "next/link";
import type { LabelMessages } from "@/components/i18n/label-messages";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import type { Locale } from "@/server/i18n/locale";
import { LabelToolbar } from "./label-toolbar";
import { ReturnSlip } from "./return-slip";
import type { LabelLayout, ReturnLabelData } from "./types";

/**
 * The body of both label pages (the customer's and the staff's): the slip with its toolbar, or,
 * when the request has no slip to print, why not and the way back.
 */
export function LabelPage({
  label,
  layout,
  t,
  locale,
  backHref,
  backLabel,
  headingClassName,
}: {
  label: ReturnLabelData;
  layout: LabelLayout;
  t: LabelMessages;
  locale: Locale;
  backHref: string;
  backLabel: string;
  /** The H5 and the dashboard size their page headings differently. */
  headingClassName: string;
}) {
  if (label.refusal) {
    return (
      <div className="space-y-4">
        <h1 className={headingClassName}>{t.heading}</h1>
        <Alert tone="info" live={false}>
          <p className="font-semibold">{t.refusal.title}</p>
          <p className="mt-0.5" data-testid="label-refusal">
            {t.refusal[label.refusal]}
          </p>
        </Alert>
        <Link href={backHref} className={buttonClass("secondary")}>
          {backLabel}
        </Link>
      </div>
    );
  }
  return (
    <div>
      <h1 className="sr-only">{t.heading}</h1>
      <LabelToolbar layout={layout} basePath={`${backHref}/label`} backHref={backHref} backLabel={backLabel} t={t} />
      <ReturnSlip label={label} layout={layout} t={t} locale={locale} />
    </div>
  );
}

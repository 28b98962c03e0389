import type { ComponentPropsWithoutRef, ElementType, ReactNode } from "react";

const PADDING = { none: "", sm: "p-3", md: "p-4", lg: "p-6 sm:p-8" } as const;
const RING = { default: "ring-1 ring-slate-200", danger: "ring-1 ring-red-200", selected: "ring-2 ring-accent-600" } as const;
// The H5 uses the rounder corner of phone apps; the staff desk the tighter one of a dense table.
const RADIUS = { xl: "rounded-xl", "2xl": "rounded-2xl" } as const;

export interface CardStyle {
  padding?: keyof typeof PADDING;
  tone?: keyof typeof RING;
  radius?: keyof typeof RADIUS;
}

/** The white panel on the grey page, as a class string for elements that are not a Card (links, list items with their own props). */
export function cardClass({ padding = "md", tone = "default", radius = "xl" }: CardStyle = {}, extra = ""): string {
  return `${RADIUS[radius]} bg-white shadow-sm ${RING[tone]} ${PADDING[padding]} ${extra}`.replace(/\s+/g, " ").trim();
}

type CardProps<T extends ElementType> = CardStyle & { as?: T; className?: string; children?: ReactNode } & Omit<ComponentPropsWithoutRef<T>, "as" | "className" | "children">;

/** A white panel: `as="section"` with aria-labelledby for a titled region, `as="li"` in lists. */
export function Card<T extends ElementType = "div">({ as, padding, tone, radius, className = "", children, ...rest }: CardProps<T>) {
  const Tag: ElementType = as ?? "div";
  return (
    <Tag className={cardClass({ padding, tone, radius }, className)} {...rest}>
      {children}
    </Tag>
  );
}

/** A card's heading row: title (with the id a section's aria-labelledby points at), optional description and actions. */
export function CardHeader({
  title,
  id,
  description,
  actions,
  level = "h2",
  className = "",
}: {
  title: ReactNode;
  id?: string;
  description?: ReactNode;
  actions?: ReactNode;
  level?: "h2" | "h3";
  className?: string;
}) {
  const Heading = level;
  return (
    <div className={`flex flex-wrap items-start justify-between gap-x-4 gap-y-2 ${className}`.trim()}>
      <div className="min-w-0">
        <Heading id={id} className="text-base font-semibold text-slate-900">
          {title}
        </Heading>
        {description && <p className="mt-0.5 text-sm text-slate-600">{description}</p>}
      </div>
      {actions && <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}

import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { LocaleProvider } from "@/components/i18n/locale-context";
import { messages } from "@/components/i18n/messages";
import { requestLocale } from "@/components/i18n/request-locale";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const m = messages(await requestLocale());
  return {
    title: { default: `${m.app.name} · ${m.app.tagline}`, template: `%s · ${m.app.name}` },
    description: m.app.description,
    icons: { icon: "/favicon.svg" },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0f766e",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-3 focus:text-sm focus:font-semibold focus:shadow-lg"
        >
          {messages(locale).app.skipToContent}
        </a>
        <LocaleProvider locale={locale}>{children}</LocaleProvider>
      </body>
    </html>
  );
}

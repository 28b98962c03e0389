"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import { ToastProvider } from "@/components/ui/toast";
import type { AppRouter } from "@/server/api/root";
import { TRPC_MAX_BATCH } from "@/server/api/trpc-limits";

/**
 * The staff dashboard's client side of tRPC: React Query for mutations (pending and error
 * states, invalidation) — see docs/decisions/008. Pages still read through `serverCaller()` on
 * the server; after a mutation call `router.refresh()` so they read again.
 *
 *   const trpc = useTRPC();
 *   const approve = useMutation(trpc.staff.approve.mutationOptions({ onSuccess: () => router.refresh() }));
 */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Server components hand over fresh data; refetching on focus would only race router.refresh().
      queries: { staleTime: 30_000, refetchOnWindowFocus: false },
      // A state change is never retried blindly: a second "approve" after a lost answer would hit
      // the version check and show a conflict instead of the real outcome.
      mutations: { retry: false },
    },
  });
}

/** Wraps the dashboard: one QueryClient and one tRPC client per browser tab, plus the toast region. */
export function StaffTRPCProvider({ children }: { children: ReactNode }) {
  // useState, not a module singleton: each server render gets its own client, the browser keeps one.
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      // Same endpoint and transformer as the H5 client; batching helps the desk, where one
      // screen may fire a few calls at once on a wired connection. The server refuses longer batches.
      links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: TRPC_MAX_BATCH })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <ToastProvider>{children}</ToastProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}

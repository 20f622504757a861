"use client";

import { createContext, useCallback, useContext, useState } from "react";

type Flash = (message: string) => void;
const FlashContext = createContext<Flash | null>(null);

/**
 * One live region for the outcome of admin actions. A decided item often
 * leaves the list it was in (approved posts leave the queue), taking its form
 * with it, so the message lives here, above the page.
 */
export function FlashProvider({ children }: { children: React.ReactNode }) {
  const [message, setMessage] = useState<{ text: string; id: number } | null>(null);
  const flash = useCallback((text: string) => setMessage((m) => ({ text, id: (m?.id ?? 0) + 1 })), []);
  return (
    <FlashContext.Provider value={flash}>
      <div role="status" aria-live="polite" className={message ? "notice flash" : undefined}>
        {message?.text}
      </div>
      {children}
    </FlashContext.Provider>
  );
}

export function useFlash(): Flash | null {
  return useContext(FlashContext);
}

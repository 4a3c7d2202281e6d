import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { whenSignedOut } from './api/client';
import type { SessionUser } from '@cert/contracts';
import { clearSession, loadSession, saveSession, Role, StoredSession } from './api/session';
import { write } from './api/client';

type SessionContext = {
  user: SessionUser | null;
  signedIn: (session: StoredSession) => void;
  signOut: () => Promise<void>;
};

const Context = createContext<SessionContext | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(() => loadSession()?.user ?? null);
  const client = useQueryClient();

  useEffect(() => whenSignedOut(() => setUser(null)), []);

  const signedIn = useCallback(
    (session: StoredSession) => {
      client.clear();
      saveSession(session);
      setUser(session.user);
    },
    [client],
  );

  const signOut = useCallback(async () => {
    await write('POST', '/auth/logout').catch(() => undefined);
    clearSession();
    client.clear();
    setUser(null);
  }, [client]);

  const value = useMemo(() => ({ user, signedIn, signOut }), [user, signedIn, signOut]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): SessionContext {
  const context = useContext(Context);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

/** Each role's main page, where sign-in lands. */
export const HOME: Record<Role, string> = {
  applicant: '/home',
  reviewer: '/reviews',
  staff: '/staff',
  board: '/board',
  auditor: '/auditor',
  operator: '/operator',
};

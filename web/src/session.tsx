/**
 * Who is signed in: the caller as GET /me describes it, signing in (a session cookie set by the server) and
 * out, and the language remembered for the user (the user's choice wins over this browser's on sign-in).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isLanguage } from '../../shared/i18n/languages.ts';
import { api, ApiError, onSignedOut } from './api/client.ts';
import type { Caller } from './api/types.ts';
import { currentLanguage, switchLanguage, type Language } from './i18n/i18n.ts';

export type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; caller: Caller };

interface SessionApi {
  state: SessionState;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Switches the UI language and, when signed in, remembers it for the user. */
  chooseLanguage(language: Language): Promise<void>;
}

const SessionContext = createContext<SessionApi | undefined>(undefined);

async function adoptLanguageOf(caller: Caller): Promise<void> {
  const chosen = caller.user.language;
  if (chosen && isLanguage(chosen) && chosen !== currentLanguage()) await switchLanguage(chosen);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    api<Caller>('GET', '/me')
      .then(async (caller) => {
        await adoptLanguageOf(caller);
        if (live) setState({ status: 'signed-in', caller });
      })
      .catch(() => live && setState({ status: 'signed-out' }));
    const stop = onSignedOut(() => setState({ status: 'signed-out' }));
    return () => {
      live = false;
      stop();
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const caller = await api<Caller>('POST', '/session', { username, password });
    await adoptLanguageOf(caller);
    setState({ status: 'signed-in', caller });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api('DELETE', '/session');
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
    }
    setState({ status: 'signed-out' });
  }, []);

  const chooseLanguage = useCallback(
    async (language: Language) => {
      await switchLanguage(language);
      if (state.status === 'signed-in') {
        const user = await api<Caller['user']>('PUT', '/me/language', { language });
        setState({ status: 'signed-in', caller: { ...state.caller, user } });
      }
    },
    [state],
  );

  const value = useMemo(() => ({ state, signIn, signOut, chooseLanguage }), [state, signIn, signOut, chooseLanguage]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in caller (pages below the sign-in gate only). */
export function useCaller(): Caller {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useCaller while not signed in');
  return state.caller;
}

/** What the caller's roles let it administer (the server checks again on every request). */
export function adminRights(caller: Caller): { platform: boolean; organisation: boolean } {
  const roles = caller.user.roles;
  return { platform: roles.includes('platform-admin'), organisation: roles.includes('org-admin') };
}

/** Sign-in: user name and password; the server sets a session cookie. The language can be chosen first. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { useSession } from '../../session.tsx';

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const userId = useId();
  const passwordId = useId();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username, password);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'http.network', String(caught)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <p className="brand brand-large">
          <span lang="ar" dir="rtl">ثقة</span> <span>Thiqa</span>
        </p>
        <h1 tabIndex={-1}>{t('sign_in.title')}</h1>
        <p className="muted">{t('sign_in.intro')}</p>
        <form onSubmit={(event) => void handleSubmit(event)} noValidate>
          <div className="field">
            <label htmlFor={userId}>{t('sign_in.username')}</label>
            <input id={userId} name="username" autoComplete="username" dir="auto" required value={username} onChange={(e) => setUsername(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={passwordId}>{t('sign_in.password')}</label>
            <input
              id={passwordId}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <ErrorNotice error={error} />
          <button type="submit" disabled={busy || !username || !password}>
            {busy ? t('sign_in.signing_in') : t('sign_in.submit')}
          </button>
        </form>
        <LanguageSwitcher />
      </div>
    </main>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { LanguageSwitcher } from '../components/language-switcher';
import { Field } from '../components/ui/field';
import { errorText } from '../problem-text';
import { rememberSignedIn } from '../session';
import type { Me } from '../types';

/** Shown at any /app/ URL while signed out; after signing in, that URL's page opens. */
export function LoginPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => api<Me>('/auth/login', { method: 'POST', body: { email, password } }),
    onSuccess: (me) => {
      rememberSignedIn(true);
      // The login answers the caller as GET /me does: no second request.
      queryClient.setQueryData(['me'], me);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };

  return (
    <main className="login">
      <form className="card login-card" onSubmit={submit}>
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('common.matrix')}</p>
        <Field label={t('login.email')}>
          <input
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field label={t('login.password')}>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        {login.isError && (
          <p className="alert" role="alert">
            <strong>{t('login.failed')}</strong> <span>{errorText(login.error, t, i18n.language)}</span>
          </p>
        )}
        <button className="btn primary" type="submit" disabled={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
        <LanguageSwitcher />
      </form>
    </main>
  );
}

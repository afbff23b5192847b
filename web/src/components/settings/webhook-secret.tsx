import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePatchOrg } from '../../data/settings';
import type { Org } from '../../types';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { CopyButton } from './copy-button';

/** 32 random bytes as 64 hex characters (the server asks for at least 16 characters). */
function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The webhook secret is write-only: the page says whether one is set, lets the caller type or generate a
 * new one (to copy into their integration before saving) and remove it; it is never shown back.
 */
export function WebhookSecret({ org }: { org: Org }) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState('');
  const [removing, setRemoving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const save = usePatchOrg();
  const remove = usePatchOrg();
  const errors = useFormErrors(save.error, ['webhookSecret']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ webhookSecret: secret }, { onSuccess: () => setSecret('') });
  };
  const endpoint = `${window.location.origin}/api/v1/webhooks/orders`;

  return (
    <>
      <form className="form" onSubmit={submit} noValidate data-testid="webhook-form" aria-labelledby="webhook-title">
        <h2 id="webhook-title">{t('settings.section.webhook')}</h2>
        <p data-testid="webhook-state">
          <span className={org.webhookSecretSet ? 'badge tone-good' : 'badge tone-muted'}>
            {org.webhookSecretSet ? t('settings.webhook.set') : t('settings.webhook.notSet')}
          </span>{' '}
          <span className="muted small">{t('settings.webhook.writeOnly')}</span>
        </p>
        <Field
          label={t('settings.webhook.newSecret')}
          hint={t('settings.webhook.newSecretHint')}
          error={errors.of('webhookSecret')}
        >
          <input
            ref={input}
            name="webhookSecret"
            className="mono"
            autoComplete="off"
            spellCheck={false}
            minLength={16}
            maxLength={256}
            value={secret}
            onChange={(e) => {
              save.reset();
              setSecret(e.target.value);
            }}
          />
        </Field>
        <div className="inline-field">
          <button type="button" className="btn small" onClick={() => setSecret(newSecret())} data-testid="generate-secret">
            {t('settings.webhook.generate')}
          </button>
          {secret && <CopyButton text={secret} selectFallback={() => input.current?.select()} />}
        </div>
        {errors.form && (
          <p className="alert" role="alert">
            {errors.form}
          </p>
        )}
        {save.isSuccess && (
          <p className="notice" role="status" data-testid="webhook-saved">
            {t('settings.webhook.saved')}
          </p>
        )}
        <div className="actions">
          {org.webhookSecretSet && (
            <button
              type="button"
              className="btn"
              onClick={() => {
                save.reset();
                setRemoving(true);
              }}
              data-testid="remove-secret"
            >
              {t('settings.webhook.remove')}
            </button>
          )}
          <button type="submit" className="btn primary" disabled={save.isPending || !secret} data-testid="save-secret">
            {t('settings.webhook.save')}
          </button>
        </div>
      </form>
      <section className="card howto" aria-labelledby="webhook-howto">
        <h3 id="webhook-howto">{t('settings.webhook.howTo')}</h3>
        <ol>
          <li>
            {t('settings.webhook.step1')} <code className="mono">POST {endpoint}</code>
          </li>
          <li>{t('settings.webhook.step2')}</li>
          <li>{t('settings.webhook.step3')}</li>
        </ol>
        <dl className="facts headers">
          <dt>
            <code>Authorization</code>
          </dt>
          <dd>
            <code>Bearer &lt;API key&gt;</code>
          </dd>
          <dt>
            <code>X-Kos-Timestamp</code>
          </dt>
          <dd>{t('settings.webhook.timestamp')}</dd>
          <dt>
            <code>X-Kos-Signature</code>
          </dt>
          <dd>
            <code>sha256=&lt;hex HMAC-SHA256(&quot;&lt;timestamp&gt;.&lt;body&gt;&quot;, secret)&gt;</code>
          </dd>
        </dl>
        <p className="muted small">{t('settings.webhook.rules')}</p>
      </section>
      <ConfirmDialog
        open={removing}
        title={t('settings.webhook.removeTitle')}
        confirmLabel={t('settings.webhook.remove')}
        danger
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate({ webhookSecret: null }, { onSuccess: () => setRemoving(false) })}
        onCancel={() => {
          remove.reset();
          setRemoving(false);
        }}
      >
        <p>{t('settings.webhook.removeText')}</p>
      </ConfirmDialog>
    </>
  );
}

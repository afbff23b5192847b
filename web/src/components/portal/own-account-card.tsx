import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditItem } from '../../data/matrix-enums';
import { formatNumber } from '../../format';
import { useMe } from '../../session';
import type { PlatformAccount } from '../../types';
import { AuditCell } from '../accounts/audit-cell';
import { Badge } from '../ui/badge';
import { OwnAccountForm } from './own-account-form';

/** What to do about a failing item (docs/portal-console.md "My accounts"): the words the name and bio need, where the link goes. */
function useFixText() {
  const { t } = useTranslation();
  const words = useMe().org.brandKit.brandWords;
  const list = words.map((w) => `“${w}”`).join(', ');
  return (key: AuditItem): string => {
    if ((key === 'name' || key === 'bio') && words.length === 0) return t(`myAccounts.fix.${key}Any`);
    return t(`myAccounts.fix.${key}`, { words: list });
  };
}

/**
 * One of the member's accounts: its score, each audit item with how to fix it when it fails, and the form for
 * the fields they may change. Saving reads the audit again (the items and score update in place).
 */
export function OwnAccountCard({
  kosId,
  account,
  bioPageUrl,
}: {
  kosId: string;
  account: PlatformAccount;
  bioPageUrl: string | null;
}) {
  const { t, i18n } = useTranslation();
  const fixText = useFixText();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const titleId = `own-account-${account.id}-title`;

  return (
    <article className="card own-account" data-testid={`own-account-${account.id}`} aria-labelledby={titleId}>
      <header className="own-account-head">
        <h2 id={titleId}>
          {account.url ? (
            <a href={account.url} target="_blank" rel="noreferrer noopener">
              @{account.handle.replace(/^@/, '')}
            </a>
          ) : (
            `@${account.handle.replace(/^@/, '')}`
          )}
        </h2>
        <Badge of="platform" value={account.platform} />
        {account.followerTier && <Badge of="accounts.followerTier" value={account.followerTier} />}
        <span className="muted small">{t('myAccounts.followers', { n: formatNumber(account.followers, i18n.language) })}</span>
      </header>
      <p className="own-account-score">
        {t('myAccounts.auditScore')} <AuditCell account={account} />
      </p>
      <ol className="onboarding-steps audit-items" aria-label={t('myAccounts.itemsOf', { handle: account.handle })}>
        {account.audit.items.map((item) => (
          <li key={item.key} className={item.ok ? 'done' : 'todo'} data-item={item.key} data-ok={item.ok}>
            <span className="onboarding-mark" aria-hidden="true">
              {item.ok ? '✓' : '!'}
            </span>
            <div>
              <strong>{t(`matrix.auditItem.${item.key}`)}</strong>{' '}
              <span className={`badge ${item.ok ? 'tone-good' : 'tone-warn'}`}>
                {item.ok ? t('myAccounts.ok') : t('myAccounts.toFix')}
              </span>
              {!item.ok && <p className="small">{fixText(item.key)}</p>}
            </div>
          </li>
        ))}
      </ol>
      {saved && !editing && (
        <p className="notice" role="status" data-testid="own-account-saved">
          {t('myAccounts.saved')}
        </p>
      )}
      {editing ? (
        <OwnAccountForm
          kosId={kosId}
          account={account}
          bioPageUrl={bioPageUrl}
          onDone={() => {
            setEditing(false);
          }}
          onSaved={() => setSaved(true)}
        />
      ) : (
        <div className="actions">
          <button
            type="button"
            className="btn primary"
            data-testid="edit-own-account"
            aria-label={t('myAccounts.editOne', { handle: account.handle })}
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('myAccounts.edit')}
          </button>
        </div>
      )}
    </article>
  );
}

import { useTranslation } from 'react-i18next';
import { AUDIT_PASS } from '../../data/matrix-enums';
import type { PlatformAccount } from '../../types';

/** An account's audit score out of 100 and, below 100, the items that fail (docs/matrix.md "Account audit"). */
export function AuditCell({ account }: { account: PlatformAccount }) {
  const { t } = useTranslation();
  const failing = account.audit.items.filter((i) => !i.ok);
  return (
    <span className="audit-cell" data-testid={`audit-${account.id}`} data-score={account.audit.score}>
      <strong className={account.audit.score >= AUDIT_PASS ? 'audit-score ok' : 'audit-score low'}>
        {t('matrix.score', { score: account.audit.score })}
      </strong>
      {failing.length > 0 && (
        <span className="audit-failing muted small">
          {' '}
          {t('matrix.failing', { items: failing.map((i) => t(`matrix.auditItem.${i.key}`)).join(', ') })}
        </span>
      )}
    </span>
  );
}

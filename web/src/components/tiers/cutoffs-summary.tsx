import { useTranslation } from 'react-i18next';
import { useCan } from '../../access/use-can';
import { useOrg } from '../../data/settings';
import { cutoffsOf } from '../../data/tiers';
import { Link } from '../../router/link';

/** The org's cut-offs as a sentence (S the top s %, then A, B, the rest C), with the way to change them. */
export function CutoffsSummary() {
  const { t } = useTranslation();
  const can = useCan();
  const org = useOrg();
  if (!org.data) return null;
  const c = cutoffsOf(org.data);
  return (
    <section className="card cutoffs" aria-labelledby="cutoffs-title" data-testid="cutoffs">
      <h2 id="cutoffs-title">{t('tiers.cutoffs.title')}</h2>
      <ul className="cutoff-list">
        <li data-tier="S">{t('tiers.cutoffs.s', { s: c.s })}</li>
        <li data-tier="A">{t('tiers.cutoffs.a', { a: c.a })}</li>
        <li data-tier="B">{t('tiers.cutoffs.b', { b: c.b })}</li>
        <li data-tier="C">{t('tiers.cutoffs.c', { c: Math.max(0, 100 - c.s - c.a - c.b) })}</li>
      </ul>
      <p className="muted small">{t('tiers.cutoffs.zeroSales')}</p>
      <Link to="/settings?section=tiers" data-testid="edit-cutoffs">
        {can('org.edit') ? t('tiers.cutoffs.edit') : t('tiers.cutoffs.view')}
      </Link>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { useContests } from '../../data/contests';
import { Link } from '../../router/link';

/** On /me: the KOS member's contests in one line, and the way to their standings. */
export function MeContestsLink() {
  const { t } = useTranslation();
  const contests = useContests();
  const running = (contests.data ?? []).filter((c) => c.status === 'running').length;
  return (
    <section className="me-section" id="me-contests" aria-labelledby="me-contests-title" data-testid="me-contests">
      <h2 id="me-contests-title">{t('contests.mine.title')}</h2>
      {contests.isSuccess && <p className="muted small">{t('contests.mine.summary', { n: contests.data.length, running })}</p>}
      <Link to="/me/contests" data-testid="my-contests-link">
        {t('contests.mine.open')}
      </Link>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from '../../router/link';

export type Section = 'org' | 'brand' | 'tiers' | 'tax' | 'webhook' | 'members' | 'apiKeys';

/** The sections of `/settings` the caller may open, as links (`?section=`), so each can be bookmarked. */
export function SettingsTabs({ sections, current }: { sections: readonly Section[]; current: Section }) {
  const { t } = useTranslation();
  return (
    <nav className="settings-tabs" aria-label={t('settings.sections')} data-testid="settings-tabs">
      {sections.map((s) => (
        <Link
          key={s}
          to={s === 'org' ? '/settings' : `/settings?section=${s}`}
          className={s === current ? 'tab active' : 'tab'}
          aria-current={s === current ? 'true' : undefined}
          data-section={s}
        >
          {t(`settings.section.${s}`)}
        </Link>
      ))}
    </nav>
  );
}

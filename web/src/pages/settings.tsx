import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { MemberList } from '../components/members/member-list';
import { ApiKeys } from '../components/settings/api-keys';
import { BrandKitForm } from '../components/settings/brand-kit-form';
import { OrgFacts } from '../components/settings/org-facts';
import { OrgForm } from '../components/settings/org-form';
import { type Section, SettingsTabs } from '../components/settings/settings-tabs';
import { TaxRulesEditor } from '../components/settings/tax-rules-editor';
import { TaxRulesTable } from '../components/settings/tax-rules-table';
import { TierCutoffsForm } from '../components/settings/tier-cutoffs-form';
import { WebhookSecret } from '../components/settings/webhook-secret';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useOrg } from '../data/settings';
import { useQueryState } from '../router/search-params';
import type { Org } from '../types';
import '../styles/settings.css';

/**
 * `/settings?section=…`: the organisation and its tax rules (read-only for managers and viewers), and for
 * owners and admins the webhook secret, members and API keys. A section the role may not open shows the organisation.
 */
export default function SettingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const org = useOrg();
  const [query] = useQueryState({ section: 'org' });
  const sections: Section[] = [
    'org',
    'brand',
    'tiers',
    'tax',
    ...(can('org.edit') ? (['webhook'] as const) : []),
    ...(can('members.manage') ? (['members'] as const) : []),
    ...(can('apiKeys.manage') ? (['apiKeys'] as const) : []),
  ];
  const section = sections.find((s) => s === query.section) ?? 'org';

  return (
    <section className="settings">
      <PageHeader title={t('settings.title')} />
      <SettingsTabs sections={sections} current={section} />
      <div className="card settings-body" data-section={section}>
        {org.isPending && <Loading />}
        {org.isError && <ErrorBox error={org.error} onRetry={() => void org.refetch()} />}
        {org.data && <SectionBody section={section} org={org.data} editable={can('org.edit')} />}
      </div>
    </section>
  );
}

function SectionBody({ section, org, editable }: { section: Section; org: Org; editable: boolean }) {
  const { t } = useTranslation();
  switch (section) {
    case 'brand':
      return <BrandKitForm org={org} editable={editable} />;
    case 'tiers':
      return <TierCutoffsForm org={org} editable={editable} />;
    case 'tax':
      return editable ? <TaxRulesEditor org={org} /> : <TaxRulesTable org={org} />;
    case 'webhook':
      return <WebhookSecret org={org} />;
    case 'members':
      return <MemberList />;
    case 'apiKeys':
      return <ApiKeys />;
    default:
      return editable ? (
        <OrgForm org={org} />
      ) : (
        <>
          <h2>{t('settings.section.org')}</h2>
          <p className="muted small">{t('settings.readOnly')}</p>
          <OrgFacts org={org} />
        </>
      );
  }
}

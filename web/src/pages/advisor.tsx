import { useTranslation } from 'react-i18next';
import { AdvisorRows } from '../components/advisor/advisor-rows';
import { EnumOptions } from '../components/ui/enum-options';
import { ErrorBox } from '../components/ui/error-box';
import { Field } from '../components/ui/field';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { advisorGoal, DEFAULT_ADVISOR_FILTER, useAdvice } from '../data/advisor';
import { useAllProducts } from '../data/products';
import { useQueryState } from '../router/search-params';
import '../styles/advisor.css';

/** The catalogue's categories, each once (compared as the server does: case and tones ignored), sorted. */
function categoriesOf(products: readonly { category: string | null }[], lang: string): string[] {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .trim();
  const seen = new Map<string, string>();
  for (const p of products) if (p.category && !seen.has(fold(p.category))) seen.set(fold(p.category), p.category);
  return [...seen.values()].sort((a, b) => a.localeCompare(b, lang));
}

/** `/advisor`: which platforms suit a goal (and a category), ranked on the org's figures or the market's priors. */
export default function AdvisorPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useQueryState(DEFAULT_ADVISOR_FILTER);
  const advice = useAdvice(filter, i18n.language);
  const products = useAllProducts();
  const categories = categoriesOf(products.data ?? [], i18n.language);
  // A category in the URL that the catalogue lacks (typed, or from a report) stays selectable.
  if (filter.category && !categories.includes(filter.category)) categories.unshift(filter.category);

  return (
    <section className="advisor-page">
      <PageHeader title={t('advisor.title')} />
      <p className="muted advisor-intro">{t('advisor.intro')}</p>
      <form className="card advisor-filters" aria-label={t('advisor.filters')} onSubmit={(e) => e.preventDefault()}>
        <Field label={t('advisor.field.goal')}>
          <select
            name="goal"
            value={advisorGoal(filter.goal)}
            onChange={(e) => setFilter({ goal: e.target.value }, { push: true })}
          >
            <EnumOptions of="advisor.goal" />
          </select>
        </Field>
        <Field label={t('advisor.field.category')}>
          <select
            name="category"
            value={filter.category}
            onChange={(e) => setFilter({ category: e.target.value }, { push: true })}
          >
            <option value="">{t('advisor.allCategories')}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
      </form>
      {advice.isPending && <Loading />}
      {advice.isError && <ErrorBox error={advice.error} onRetry={() => void advice.refetch()} />}
      {advice.data && <AdvisorRows rows={advice.data.rows} />}
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../api';
import { addDays } from '../dates';
import type { Breakdown, Metrics } from '../types';

/** The dashboard's filters as the URL keeps them: `from` and `to` are days of the org, both included. */
export interface DashboardFilter {
  from: string;
  to: string;
  unitId: string;
  platform: string;
  source: string;
}

/** What `GET /analytics/breakdown` groups by (`day` rows are keyed `YYYY-MM-DD`, in date order). */
export type BreakdownBy = 'kos' | 'unit' | 'platform' | 'product' | 'source' | 'day';

/** The API's period is `[from, to)`: the dashboard's last day is included, so `to` moves one day on. */
const analyticsParams = (f: DashboardFilter) => ({
  from: f.from,
  to: addDays(f.to, 1),
  unitId: f.unitId,
  platform: f.platform,
  source: f.source,
});

/** `GET /analytics/summary` under the filters; `enabled` is false while the date range is invalid. */
export function useSummary(filter: DashboardFilter, enabled = true) {
  const params = analyticsParams(filter);
  return useQuery({
    queryKey: ['analytics', 'summary', params],
    queryFn: () => api<Metrics>(`/analytics/summary${qs(params)}`),
    enabled,
  });
}

/** `GET /analytics/breakdown?by=…` under the filters: the same metrics per platform, unit, product, KOS, source or day. */
export function useBreakdown(by: BreakdownBy, filter: DashboardFilter, enabled = true) {
  const params = analyticsParams(filter);
  return useQuery({
    queryKey: ['analytics', 'breakdown', by, params],
    queryFn: () => api<Breakdown>(`/analytics/breakdown${qs({ ...params, by })}`),
    enabled,
  });
}

/** What a figure adds to the dashboard's filters on its way to the lines page. */
export type LinesExtra = Partial<DashboardFilter> & { kosId?: string; sku?: string; status?: string };

/**
 * The `/lines` page showing the order lines behind a figure: the dashboard's filters plus `extra`
 * (`{ status: 'cancelled' }`, `{ kosId }`, a single day `{ from, to }`). Every line counts, attributed or not,
 * and the lines page's `to` is the first day left out, so it is the dashboard's last day plus one.
 */
export function linesHref(filter: DashboardFilter, extra: LinesExtra = {}): string {
  const merged: DashboardFilter & LinesExtra = { ...filter, ...extra };
  return `/lines${qs({
    attributed: 'all',
    from: merged.from,
    to: merged.to ? addDays(merged.to, 1) : '',
    unitId: merged.unitId,
    platform: merged.platform,
    source: merged.source,
    kosId: merged.kosId,
    sku: merged.sku,
    status: merged.status,
  })}`;
}

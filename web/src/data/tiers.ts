/**
 * Scorecards, tiers and their history (docs/tiers.md): one KOS's scorecard and weekly trend, every visible
 * KOS's scorecard for the roster, the tier distribution per unit, a recompute, a tier set or locked by hand.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, qs } from '../api';
import type { Kos, Org } from '../types';
import {
  DEFAULT_CUTOFFS,
  type Distribution,
  type Recompute,
  type Scorecard,
  type ScorecardList,
  type TierCutoffs,
  type TierHistory,
  type Trend,
} from './tiers-types';

const kosPath = (id: string) => `/kos/${encodeURIComponent(id)}`;

/** `GET /kos/{id}/scorecard?date=` (no date: today in the org). Under the KOS's key: a change of it reloads this. */
export function useScorecard(kosId: string, date: string) {
  return useQuery({
    queryKey: ['kos', 'scorecard', kosId, date],
    queryFn: () => api<Scorecard>(`${kosPath(kosId)}/scorecard${qs({ date: date || undefined })}`),
  });
}

/**
 * `GET /kos/{id}/scorecard/trend?weeks=`: weekly points, or null where the server has no trend (404) —
 * the page then leaves the chart out instead of showing an error.
 */
export function useScorecardTrend(kosId: string, weeks = 12) {
  return useQuery({
    queryKey: ['kos', 'scorecard-trend', kosId, weeks],
    queryFn: async () => {
      try {
        return await api<Trend>(`${kosPath(kosId)}/scorecard/trend${qs({ weeks })}`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    retry: false,
  });
}

/** `GET /kos/{id}/tier-history`: newest first as the server answers it. */
export function useTierHistory(kosId: string) {
  return useQuery({
    queryKey: ['kos', 'tier-history', kosId],
    queryFn: () => api<TierHistory>(`${kosPath(kosId)}/tier-history`),
  });
}

/** `GET /scorecards?date&unitId`: every KOS the caller sees with its tier and RPG (for the roster's columns). */
export function useScorecards(params: { date?: string; unitId?: string } = {}, enabled = true) {
  return useQuery({
    queryKey: ['tiers', 'scorecards', params],
    queryFn: () => api<ScorecardList>(`/scorecards${qs({ date: params.date || undefined, unitId: params.unitId || undefined })}`),
    enabled,
  });
}

/** `GET /tiers/distribution?unitId=`: the units directly under `unitId` (the top units when empty), by tier. */
export function useTierDistribution(unitId: string) {
  return useQuery({
    queryKey: ['tiers', 'distribution', unitId],
    queryFn: () => api<Distribution>(`/tiers/distribution${qs({ unitId: unitId || undefined })}`),
  });
}

/** `POST /tiers/recompute {date?}`; every tier-based view is read again afterwards. */
export function useRecompute() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (date?: string) => api<Recompute>('/tiers/recompute', { method: 'POST', body: date ? { date } : {} }),
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: ['tiers'] }), client.invalidateQueries({ queryKey: ['kos'] })]),
  });
}

/** What an admin changes by hand: the tier (history reason `manual`), the lock, or both. */
export interface TierPatch {
  tier?: Kos['tier'];
  tierLocked?: boolean;
}

/** `PATCH /kos/{id} {tier?, tierLocked?}`: the record, its history and the tier views are reloaded. */
export function useSetTier(kosId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: TierPatch) => api<Kos>(kosPath(kosId), { method: 'PATCH', body: patch }),
    onSuccess: (kos) => {
      client.setQueryData(['kos', 'one', kos.id], kos);
      return Promise.all([client.invalidateQueries({ queryKey: ['kos'] }), client.invalidateQueries({ queryKey: ['tiers'] })]);
    },
  });
}

/** Whether the KOS's tier is locked against recomputes. */
export const isTierLocked = (kos: Kos): boolean => kos.tierLocked === true;

/** The org's `tierCutoffs` (the server fills in the defaults 10, 20, 40). */
export const cutoffsOf = (org: Org): TierCutoffs => org.tierCutoffs ?? DEFAULT_CUTOFFS;

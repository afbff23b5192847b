import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { advisorOut } from '../../../src/features/advisor/advisor.schema';
import { api, qs } from '../api';
import { ADVISOR_GOALS, type AdvisorGoal } from './advisor-enums';

/** `GET /advisor/platforms`: the seven platforms, best first, each with its reasons in words. */
export type Advice = z.infer<typeof advisorOut>;
export type AdviceRow = Advice['rows'][number];

/** The page's filters, in the URL (`?goal=awareness&category=Sắc đẹp`); a default leaves the URL. */
export interface AdvisorFilter {
  goal: string;
  category: string;
}
export const DEFAULT_ADVISOR_FILTER: AdvisorFilter = { goal: 'sales', category: '' };

/** A goal from the URL, `sales` when it is not one the server knows. */
export const advisorGoal = (value: string): AdvisorGoal => ADVISOR_GOALS.find((g) => g === value) ?? 'sales';

/** The ranking for a goal and category, its reasons in `lang` (the console's language). */
export function useAdvice(filter: AdvisorFilter, lang: string) {
  const goal = advisorGoal(filter.goal);
  return useQuery({
    queryKey: ['advisor', goal, filter.category, lang],
    queryFn: () => api<Advice>(`/advisor/platforms${qs({ goal, category: filter.category, lang })}`),
  });
}

import type { z } from 'zod';
import type { advisorOut, advisorQuery } from '../../../src/features/advisor/advisor.schema';

export type AdvisorGoal = z.infer<typeof advisorQuery>['goal'];
type Basis = z.infer<typeof advisorOut>['rows'][number]['basis'];

/** The goals the advisor ranks for, in the order the picker offers them (enums.ts `advisor.goal`). */
export const ADVISOR_GOALS = ['sales', 'new_customers', 'awareness'] as const satisfies readonly AdvisorGoal[];
/** How a row was scored: on the org's own figures, or on the market's priors (enums.ts `advisor.basis`). */
export const ADVISOR_BASES = ['org', 'prior'] as const satisfies readonly Basis[];

/** Problems of contests: leaderboards, PK contests, prizes, targets and the close (docs/contests.md). */
export const CONTEST_PROBLEMS = {
  'contest.not_found': 'contest not found',
  'contest.unit_kind.required': 'is required for a unit contest',
  'contest.days.order': 'must not be after to',
  'contest.prize.range': 'rankFrom must not be above rankTo',
  'contest.prize.overlap': 'overlaps the ranks of another prize',
  'contest.targets.order': 'target values must be strictly increasing',
  'contest.closed': 'the contest was closed on {{closedAt}} and can no longer be changed',
  'contest.close.not_ended': 'the contest runs until {{to}}: it can be closed from {{closableFrom}}',
} as const;

/** Row types of running the matrix: recruitment, tiers and the scheduler, contests, training (see schema.ts). */

export interface RecruitmentDrivesTable {
  id: string;
  org_id: string;
  name: string;
  slug: string;
  unit_id: string | null;
  relationships: string;
  categories: string;
  questions: string;
  criteria: string;
  open: number;
  closes_at: number | null;
  pass_score: number;
  created_at: number;
  updated_at: number;
}

export interface RecruitmentApplicationsTable {
  id: string;
  org_id: string;
  drive_id: string;
  name: string;
  phone: string;
  phone_key: string;
  email: string;
  email_key: string;
  province: string | null;
  relationship: string;
  accounts: string;
  categories: string;
  sales_minor: number | null;
  coverage: number | null;
  answers: string;
  assessments: string;
  score_tenths: number;
  status: string;
  kos_id: string | null;
  history: string;
  created_at: number;
  updated_at: number;
}

/** Tier changes of a KOS (0010-tiers, docs/tiers.md): `date` the org-local day, reason recompute/manual. */
export interface KosTierHistoryTable {
  id: string;
  org_id: string;
  kos_id: string;
  date: string;
  from_tier: string | null;
  to_tier: string | null;
  reason: string;
  at: number;
}

/** One row per (org, kind, org-local day) of a daily job; claimed by one process (0010-tiers). */
export interface ScheduledJobsTable {
  org_id: string;
  kind: string;
  run_date: string;
  status: string;
  claimed_by: string | null;
  claimed_at: number | null;
  done_at: number | null;
  result: string | null;
}

/** Contests (0012-contests, docs/contests.md): JSON lists; `standings` frozen by the close. */
export interface ContestsTable {
  id: string;
  org_id: string;
  name: string;
  metric: string;
  scope: string;
  unit_kind: string | null;
  from_day: string;
  to_day: string;
  participants: string;
  prizes: string;
  targets: string;
  closed_at: number | null;
  standings: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

/** One award of a closed contest and the `bonus` ledger entry paying it (0012-contests). */
export interface ContestAwardsTable {
  id: string;
  org_id: string;
  contest_id: string;
  position: number;
  kos_id: string;
  /** The winning unit of a unit contest, '' in a KOS contest (so the unique key has no null). */
  unit_id: string;
  kind: string;
  rank: number;
  amount_minor: number;
  entry_id: string;
  created_at: number;
}

/** Courses of training (0011-training, docs/training.md): lessons and audience as JSON text. */
export interface CoursesTable {
  id: string;
  org_id: string;
  title: string;
  description: string | null;
  lessons: string;
  audience: string;
  required: number;
  due_days: number;
  published: number;
  created_at: number;
  updated_at: number;
}

/** One per (course, KOS) (0011-training): stored status assigned/in_progress/completed; overdue is read. */
export interface EnrolmentsTable {
  id: string;
  org_id: string;
  course_id: string;
  kos_id: string;
  status: string;
  assigned_at: number;
  due_at: number;
  completed_lessons: string;
  completed_at: number | null;
  last_quiz: string | null;
  updated_at: number;
}

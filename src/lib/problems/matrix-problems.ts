/** Problems of the matrix: platform accounts' audit fields, follower history (docs/matrix.md). */
export const MATRIX_PROBLEMS = {
  'account.self_edit.denied': 'a KOS may change only {{fields, list}} on their own accounts (not {{field}})',
  'account.follower_history.future': 'must not be later than now',
} as const;

/** Problems of recruitment: drives, the public application form, screening and conversion (docs/recruitment.md). */
export const RECRUITMENT_PROBLEMS = {
  'drive.not_found': 'recruitment drive not found',
  'application.not_found': 'application not found',

  'drive.slug.taken': 'slug {{slug}} is taken by another drive',
  'drive.slug.format': 'must be 3–64 characters a–z, 0–9 or - (starting with a letter or digit)',
  'drive.key.format': 'must be 1–40 characters A–Z, a–z, 0–9 or _ starting with a letter',
  'drive.criteria.no_default':
    'there are default criteria only for VND and CNY; a drive of an organisation in {{currency}} must give its criteria',
  'drive.criterion.target_required': 'is required for a salesMinor, followers or coverage criterion',
  'drive.criterion.question_missing': 'a boolean criterion needs a question with the same key',
  'drive.closed': 'this drive no longer takes applications',

  'application.consent.required': 'consent to the processing of personal data is required',
  'application.email.duplicate': 'this e-mail has already applied to this drive',
  'application.phone.duplicate': 'this phone number has already applied to this drive',
  'application.relationship.not_offered': 'must be one of the relationships this drive recruits',
  'application.assessment.not_assessment': 'is not an assessment criterion of this drive',
  'application.status.final': 'the application is {{from}}, which is final',
  'application.status.transition': 'cannot move from {{from}} to {{to}} (allowed: {{allowed, list(type: disjunction)}})',
  'application.accept.override_required':
    'the score {{score}} is below the pass score {{passScore}}: accepting needs override true and a note',
  'application.convert.not_accepted': 'only an accepted application converts into a KOS (this one is {{status}})',
  'application.convert.done': 'this application was converted before, into KOS {{code}} ({{kosId}})',
} as const;

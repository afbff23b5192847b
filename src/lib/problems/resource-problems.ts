/** Problems of the programme's resources: KOS, units, the organisation, members, keys, money, plans, livestreams. */
export const RESOURCE_PROBLEMS = {
  'kos.code.taken': 'KOS code {{code}} is taken in this organisation',
  'kos.code.format': 'must be 4–16 characters A–Z or 0–9',
  'kos.handle.taken': 'handle {{handle}} is taken',
  'kos.handle.format': 'must be 3–30 characters a–z, 0–9, . _ - starting with a letter or digit',
  'kos.voucher_codes.taken': 'voucher code(s) {{codes, list}} belong to another KOS',
  'kos.self_edit.denied': 'a KOS may change only {{fields, list}} on their own record (not {{field}})',
  'kos.reference.unknown': 'no such KOS in this organisation',

  'account.handle.taken': 'the {{platform}} account {{handle}} is already registered',
  'account.handle.format': 'must be a platform handle without spaces',

  'unit.reference.unknown': 'no such unit in this organisation',
  'unit.root.locked': 'a manager may not change the root unit of their own scope',
  'unit.parent.cycle': 'a unit cannot be moved below itself',
  'unit.not_empty':
    'the unit still has {{children}} child unit(s), {{kos}} KOS and {{members}} member(s)/key(s); move them first',

  'org.slug.taken': 'an organisation with slug "{{slug}}" exists',
  'org.slug.unknown': 'no organisation with slug "{{slug}}"',
  'org.slug.format': 'must be 1–63 characters a–z, 0–9 or - (starting with a letter or digit)',
  'org.tax_rule.valid_to_before_from': 'validTo is before validFrom',

  'member.email.taken': 'a member with this e-mail already exists',
  'member.role.grant_denied': 'role {{role}} may not grant {{grant}}',
  'member.role.change_denied': 'role {{role}} may not change an {{from}} into {{to}}',
  'member.remove_denied': 'role {{role}} may not remove an {{target}}',
  'member.owner.last': 'an organisation keeps at least one owner',
  'member.kos_id.required': 'is required for role kos',
  'member.kos_id.not_allowed': 'only a member with role kos is linked to a KOS',
  'member.unit_id.not_allowed': 'only managers and viewers are limited to a unit',

  'api_key.role.grant_denied': 'role {{role}} may not create an {{keyRole}} key',
  'api_key.role.kos': 'API keys cannot have role kos',
  'api_key.revoke_denied': 'role {{role}} may not revoke an {{keyRole}} key',
  'api_key.unit_id.not_allowed': 'only manager and viewer keys are limited to a unit',

  'product.reference.unknown': 'no such product in this organisation',
  'product.sku.taken': 'SKU {{sku}} is already in the catalogue',
  'product.sku.spaces': 'must not contain spaces',

  'link.slug.taken': 'slug {{slug}} is taken',
  'link.slug.format': 'must be 3–64 characters A–Z, a–z, 0–9, _ or -',
  'link.slug.reserved': 'is reserved',
  'link.own.fixed': 'is taken from the product: a KOS member’s own link cannot set it',
  'link.product.no_url': 'product {{sku}} has no page (url) to link to',

  'ledger.bonus.not_positive': 'a bonus must be positive (book a negative adjustment instead)',
  'ledger.amount.zero': 'must not be 0',

  'payout.period.not_ended': 'period {{period}} has not ended yet: it can be closed from {{closableFrom}}',
  'payout.approve.not_draft': 'the payout is {{status}}; only a draft can be approved',
  'payout.pay.not_approved': 'the payout is {{status}}; approve it before marking it paid',

  'plan.valid_to.before_valid_from': 'must be on or after validFrom',
  'plan.overlap':
    'overlaps plan "{{name}}" (id {{id}}, {{validFrom}} to {{validTo}}): both cover the same KOS at the same specificity on overlapping dates',
  'plan.overlap_open_ended':
    'overlaps plan "{{name}}" (id {{id}}, {{validFrom}} to open-ended): both cover the same KOS at the same specificity on overlapping dates',
  'plan.override.sku_or_category': 'must name exactly one of sku or category',
  'plan.override.repeated': 'repeats an earlier override',
  'plan.steps.first_not_zero': 'the first step starts at 0',
  'plan.steps.not_increasing': 'must be greater than the previous step',

  'livestream.status.transition': 'cannot change from {{from}} to {{to}} (allowed: {{allowed, list(type: disjunction)}})',
  'livestream.status.final': 'cannot change from {{from}} to {{to}} ({{from}} is final)',
  'livestream.scheduled_end.not_after_start': 'must be after scheduledStart',
  'livestream.actual.required_when_ended': 'is required for an ended session',
  'livestream.actual_start.required_with_end': 'is required when actualEnd is set',
  'livestream.actual_end.set_while_live': 'must be empty while the session is live (set status ended)',
  'livestream.actual_end.before_start': 'must not be before actualStart',
  'livestream.account.not_of_kos': 'is not an account of this KOS',
  'livestream.questions_answered.too_many': 'must not exceed stats.questions',
  'livestream.kos.ended_locked': 'an ended session stays with its KOS (its fee is booked to them)',
  'livestream.offer.ends_before_start': 'must be after startsAt',
} as const;

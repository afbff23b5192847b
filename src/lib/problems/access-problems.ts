/**
 * Problems of the HTTP layer, sign-in and access, and the 404 of every resource (`<resource>.not_found`,
 * whose English text is the detail itself: errors.ts `notFound`).
 */
export const ACCESS_PROBLEMS = {
  // Generic: answers that have no more specific key (an unknown API route's 404, an unreadable request).
  'http.unauthorized': 'unauthorized',
  'http.forbidden': 'your role or unit scope does not allow this',
  'http.not_found': 'not found',
  'http.conflict': 'the request conflicts with the current state',
  'http.invalid': 'invalid input',
  'http.too_large': 'the request is too large',
  'http.unsupported_media_type': 'this media type is not accepted here',
  'http.rate_limited': 'too many requests; try again later',
  'http.internal': 'an unexpected error occurred; it has been logged',
  'request.body_too_large': 'the request body is too large',
  'request.unreadable': 'the request cannot be read',
  'record.duplicate': 'a record with the same unique value already exists',

  'auth.credentials.missing': 'missing or invalid credentials',
  'auth.credentials.wrong': 'wrong e-mail or password',
  'auth.api_key.invalid': 'invalid API key',
  'auth.authorization.malformed': 'Authorization must be "Bearer <apiKey>"',
  'auth.rate_limited.address': 'too many failed sign-ins from this address; try again in {{minutes}} minutes',
  'auth.rate_limited.email': 'too many failed sign-ins for this e-mail; try again in {{minutes}} minutes',
  'auth.busy': 'too many sign-ins at this moment; try again in a few seconds',
  'auth.origin.cross_site': 'cross-site request refused: the Origin is not this server',
  'auth.origin.missing': 'a request with the session cookie must carry an Origin or Referer header of this server',

  'access.role.denied': 'role {{role}} may not do this',
  'access.unit.out_of_scope': 'that unit is outside your scope',
  'access.kos.out_of_scope': 'that KOS is outside your scope',
  'access.line.out_of_scope': 'that line is outside your scope',

  'account.not_found': 'platform account not found',
  'api_key.not_found': 'API key not found',
  'import.not_found': 'import not found',
  'kos.not_found': 'KOS not found',
  'line.not_found': 'order line not found',
  'link.not_found': 'link not found',
  'livestream.not_found': 'livestream not found',
  'member.not_found': 'member not found',
  'org.not_found': 'organisation not found',
  'payout.not_found': 'payout not found',
  'plan.not_found': 'plan not found',
  'product.not_found': 'product not found',
  'unit.not_found': 'unit not found',
} as const;

/**
 * Problems of one field of a request: zod's issue codes (zod-problems.ts maps them), the input guard's
 * refusals (input-problems.ts) and the shared field schemas (schemas.ts).
 */
export const FIELD_PROBLEMS = {
  // zod issue codes
  'field.required': 'is required',
  'field.invalid_type': 'must be of type {{expected}}',
  'field.not_integer': 'must be a whole number',
  'field.empty': 'must not be empty',
  'field.too_short': 'must have at least {{minimum, number}} characters',
  'field.too_long': 'must have at most {{maximum, number}} characters',
  'field.wrong_length': 'must have exactly {{length, number}} characters',
  'field.too_few': 'must have at least {{minimum, number}} items',
  'field.too_many': 'must have at most {{maximum, number}} items',
  'field.too_small': 'must be at least {{minimum, number}}',
  'field.too_small_exclusive': 'must be greater than {{minimum, number}}',
  'field.too_big': 'must be at most {{maximum, number}}',
  'field.too_big_exclusive': 'must be less than {{maximum, number}}',
  'field.not_multiple_of': 'must be a multiple of {{divisor, number}}',
  'field.invalid_option': 'must be one of {{options, list(type: disjunction)}}',
  'field.unknown_keys': 'unknown field(s): {{keys, list}}',
  'field.format': 'must be in the format {{format}}',
  'field.pattern': 'has an invalid format',
  'field.invalid': 'is invalid',
  'field.listed_twice': 'is listed twice',

  // the input guard (every route, before its schema)
  'field.nul': 'must not contain NUL characters',
  'field.lone_surrogate': 'must not contain unpaired surrogates (malformed Unicode)',
  'field.key_nul': 'keys must not contain NUL characters',
  'field.key_lone_surrogate': 'keys must not contain unpaired surrogates (malformed Unicode)',
  'field.too_deep': 'is nested deeper than {{maxDepth}} levels',

  // shared field schemas
  'field.calendar_date': 'must be a calendar date YYYY-MM-DD',
  'field.datetime': 'must be an ISO 8601 date-time with an offset (Z or +07:00)',
  'field.date_or_datetime': 'must be a date YYYY-MM-DD (org time zone) or an ISO 8601 date-time with offset',
  'field.month': 'must be a month YYYY-MM',
  'field.currency': 'must be an ISO 4217 currency code such as VND or CNY',
  'field.time_zone': 'must be an IANA time zone such as Asia/Ho_Chi_Minh',
  'field.email': 'must be an e-mail address',
  'field.phone': 'must be a phone number',
  'field.url': 'must be an http(s) URL',
  'field.url_control_characters': 'must not contain control characters (line breaks, tabs, NUL)',
  'field.url_too_long': 'is too long once percent-encoded (at most {{maximum, number}} characters)',
  'field.cursor': 'must be a cursor from a previous page',
} as const;

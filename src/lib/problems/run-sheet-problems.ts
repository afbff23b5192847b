/** Problems of livestream run-sheets: the checks of an edited sheet (docs/run-sheets.md). */
export const RUN_SHEET_PROBLEMS = {
  'run_sheet.position.not_contiguous': 'positions must run 1 to {{last}}, each once',
  'run_sheet.product.not_in_session': 'is not a product of this session',
  'run_sheet.segment.outside_stream': "the segment ends at minute {{end}}, after the stream's {{minutes}} minutes",
  'run_sheet.offer.ends_before_start': 'must not be before flashOffer.startMinute',
} as const;

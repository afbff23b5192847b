/**
 * Answers of `/import-mappings` (API.md; docs/import-mappings.md, "Endpoints" and "Preview"), typed from the
 * server's own schemas (type-only imports: no server code is bundled).
 */
import type { z } from 'zod';
import type { mappingOut, presetOut, previewOut } from '../../../src/features/import-mappings/import-mappings.schema';

/** A saved mapping: `currency`/`timezone` null = the org's; `used` once an import used its name (fixed then). */
export type ImportMapping = z.infer<typeof mappingOut>;
/** `GET /import-mappings/presets`: a ready mapping, every field but `name`. */
export type MappingPreset = z.infer<typeof presetOut>;
/** `POST /import-mappings/preview`: headers, the first rows parsed (or their errors), status texts, suggestions. */
export type MappingPreview = z.infer<typeof previewOut>;
export type PreviewRow = MappingPreview['rows'][number];
/** A canonical field a column can feed (`orderId`, `grossMinor`…). */
export type MappedField = keyof ImportMapping['columns'] & string;

import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Multipart } from '@fastify/multipart';
import type { AppDeps } from '../../deps.js';
import { DomainError, invalid } from '../../lib/errors.js';
import type { Router } from '../../lib/http/route.js';
import { problem } from '../../lib/problems/problem.js';
import type { Principal } from '../access/access.js';
import { ADMINS, requireRole } from '../access/access.js';
import { previewOut } from '../import-mappings/import-mappings.schema.js';
import { previewMapping } from './mapping-preview.js';

/** `POST /api/v1/import-mappings/preview` (docs/import-mappings.md, "Preview"): it reads files, so imports serve it. */
export function registerMappingPreviewRoute(router: Router<Principal>, { database, config }: AppDeps): void {
  const uploads = join(config.dataDir, 'uploads');
  router.route({
    method: 'POST',
    url: '/api/v1/import-mappings/preview',
    summary: 'Preview a report through a (partial) column mapping (owner, admin); stores nothing',
    description:
      'multipart/form-data with `file` (CSV or XLSX) and `mapping` (JSON text of the mapping fields, all optional). Answers the ' +
      'headers, the first 20 data rows raw and parsed (or their errors), the distinct texts of the status column (up to 50) and ' +
      'suggested columns from the header names.',
    tags: ['import-mappings'],
    bodyDoc: {
      contentType: 'multipart/form-data',
      schema: {
        type: 'object',
        required: ['file'],
        properties: {
          file: { type: 'string', format: 'binary' },
          mapping: { type: 'string', description: 'JSON of the mapping fields (all optional)' },
        },
      },
    },
    response: previewOut,
    handler: async ({ auth, request }) => {
      requireRole(auth, ADMINS);
      if (!request.isMultipart())
        throw invalid(
          'file',
          problem('import.upload.not_multipart'),
          'send the report as multipart/form-data with fields `file` and `mapping`',
        );
      await mkdir(uploads, { recursive: true });
      const dir = await mkdtemp(join(uploads, 'preview-'));
      try {
        let path: string | null = null;
        let mapping: unknown;
        for await (const part of request.parts() as AsyncIterable<Multipart>) {
          if (part.type === 'file') {
            if (path) throw invalid('file', problem('import.upload.several_files'), 'send one file');
            path = join(dir, 'upload');
            await pipeline(part.file, createWriteStream(path));
            if (part.file.truncated)
              throw new DomainError(
                'too_large',
                problem('import.upload.too_large'),
                'the file is larger than the upload limit (KOS_MAX_UPLOAD_MB)',
              );
          } else if (part.fieldname === 'mapping') mapping = part.value;
        }
        if (!path) throw invalid('file', problem('field.required'), 'is required');
        return await previewMapping(database.db, auth, path, mapping);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  });
}

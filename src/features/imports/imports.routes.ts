import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { DomainError, invalid } from '../../lib/errors.js';
import type { Router } from '../../lib/http/route.js';
import { pageQuery, pageSchema } from '../../lib/pagination.js';
import { idParams } from '../../lib/schemas.js';
import type { Principal } from '../auth/auth.js';
import { SOURCES, type Source } from './import-types.js';
import { importOut } from './imports.schema.js';
import * as service from './imports.service.js';

/** Saves the multipart `file` to a temporary folder and reads the `source` field (or `?source=`). */
async function receiveUpload(request: FastifyRequest, dir: string): Promise<{ path: string; fileName: string; source: unknown }> {
  if (!request.isMultipart()) throw invalid('file', 'send the report as multipart/form-data with fields `source` and `file`');
  let path: string | null = null;
  let fileName = '';
  let source: unknown = (request.query as { source?: string }).source;
  for await (const part of request.parts() as AsyncIterable<Multipart>) {
    if (part.type === 'file') {
      if (path) throw invalid('file', 'send one file per import');
      fileName = part.filename;
      path = join(dir, 'upload');
      await pipeline(part.file, createWriteStream(path));
      if (part.file.truncated) throw new DomainError('too_large', 'the file is larger than the upload limit (KOS_MAX_UPLOAD_MB)');
    } else if (part.fieldname === 'source') source = part.value;
  }
  if (!path) throw invalid('file', 'is required');
  return { path, fileName, source };
}

export function registerImportRoutes(router: Router<Principal>, { database }: AppDeps): void {
  const { db } = database;
  const tags = ['imports'];
  router.route({
    method: 'POST',
    url: '/api/v1/imports',
    summary: 'Import a platform report (answers when the file is processed)',
    description:
      'multipart/form-data with `source` (shopee, tiktok_shop, lazada, accesstrade, generic) and `file` (CSV, XLSX or JSON). ' +
      'A file that cannot be read as its format answers 422 and stores nothing; a bad row is rejected alone and listed in `errors`.',
    tags,
    status: 201,
    bodyDoc: {
      contentType: 'multipart/form-data',
      schema: {
        type: 'object',
        required: ['source', 'file'],
        properties: { source: { type: 'string', enum: [...SOURCES] }, file: { type: 'string', format: 'binary' } },
      },
    },
    response: importOut,
    handler: async ({ auth, request }) => {
      const dir = await mkdtemp(join(tmpdir(), 'kos-import-'));
      try {
        const upload = await receiveUpload(request, dir);
        const source = z.enum(SOURCES).safeParse(upload.source);
        if (!source.success) throw invalid('source', `must be one of ${SOURCES.join(', ')}`);
        return await service.importFile(db, auth, {
          source: source.data as Source,
          path: upload.path,
          fileName: upload.fileName,
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  });
  router.route({
    method: 'GET',
    url: '/api/v1/imports',
    summary: 'Past imports, newest first',
    tags,
    query: pageQuery,
    response: pageSchema(importOut),
    handler: ({ auth, query }) => service.listImports(db, auth, query),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/imports/:id',
    summary: 'An import report',
    tags,
    params: idParams,
    response: importOut,
    handler: ({ auth, params }) => service.getImportOrThrow(db, auth, params.id),
  });
}

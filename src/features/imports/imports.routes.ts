import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { DomainError, invalid } from '../../lib/errors.js';
import type { Router } from '../../lib/http/route.js';
import { pageQuery, pageSchema } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import { idParams } from '../../lib/schemas.js';
import { toStorableText } from '../../lib/storable-text.js';
import type { Principal } from '../access/access.js';
import { ADMINS, requireRole } from '../access/access.js';
import type { FileJob } from './import-jobs.js';
import { SOURCES } from './import-types.js';
import { type ImportStatus, importAccepted, importOut } from './imports.schema.js';
import * as service from './imports.service.js';

/** What runs imports off the serving event loop (src/background/). */
export interface ImportQueue {
  queueImport(input: Omit<FileJob, 'id' | 'orgId'>): Promise<{ id: string; status: ImportStatus }>;
  awaitImport(id: string): Promise<void>;
}

/** Saves the multipart `file` into `dir` and reads the `source` and `kosId` fields (or `?source=`, `?kosId=`). */
async function receiveUpload(
  request: FastifyRequest,
  dir: string,
): Promise<{ path: string; fileName: string; source: unknown; kosId: unknown }> {
  if (!request.isMultipart())
    throw invalid(
      'file',
      problem('import.upload.not_multipart'),
      'send the report as multipart/form-data with fields `source` and `file`',
    );
  let path: string | null = null;
  let fileName = '';
  let source: unknown = (request.query as { source?: string }).source;
  let kosId: unknown = (request.query as { kosId?: string }).kosId;
  for await (const part of request.parts() as AsyncIterable<Multipart>) {
    if (part.type === 'file') {
      if (path) throw invalid('file', problem('import.upload.several_files'), 'send one file per import');
      fileName = toStorableText(part.filename).slice(0, 255);
      path = join(dir, 'upload');
      await pipeline(part.file, createWriteStream(path));
      if (part.file.truncated)
        throw new DomainError(
          'too_large',
          problem('import.upload.too_large'),
          'the file is larger than the upload limit (KOS_MAX_UPLOAD_MB)',
        );
    } else if (part.fieldname === 'source') source = part.value;
    else if (part.fieldname === 'kosId') kosId = part.value;
  }
  if (!path) throw invalid('file', problem('field.required'), 'is required');
  return { path, fileName, source, kosId };
}

const respondAsync = (request: FastifyRequest) => /(^|[\s,;])respond-async($|[\s,;])/i.test(String(request.headers.prefer ?? ''));

export function registerImportRoutes(router: Router<Principal>, { database, config }: AppDeps, queue: ImportQueue): void {
  const { db } = database;
  const tags = ['imports'];
  const uploads = join(config.dataDir, 'uploads');
  router.route({
    method: 'POST',
    url: '/api/v1/imports',
    summary: 'Import a platform report',
    description:
      'multipart/form-data with `source` (shopee, tiktok_shop, tiktok_creator, lazada, accesstrade, generic, or the name of one of ' +
      "the org's saved column mappings, docs/import-mappings.md) and `file` (CSV, XLSX or JSON); an unknown source answers 422 listing the valid ones; " +
      '`kosId` names the KOS a `tiktok_creator` report belongs to (required for it: 422 without). ' +
      'Answers 201 with the report when the file is processed; with `Prefer: respond-async`, 202 `{id, status}` at once — poll ' +
      '`GET /api/v1/imports/{id}` (`status`, `rowsDone`, `rows`). Imports run off the serving event loop, one file at a time per ' +
      'organisation (a second waits `queued`). A file that cannot be read as its format fails (422 when waited for) and stores no ' +
      'line; a bad row is rejected alone and listed in `errors`.',
    tags,
    status: 201,
    bodyDoc: {
      contentType: 'multipart/form-data',
      schema: {
        type: 'object',
        required: ['source', 'file'],
        properties: {
          source: {
            type: 'string',
            description: `${SOURCES.join(', ')}, or a saved mapping's name`,
            pattern: '^[a-z0-9_]{3,40}$',
          },
          kosId: { type: 'string', description: 'the KOS of a `tiktok_creator` report (required for it)' },
          file: { type: 'string', format: 'binary' },
        },
      },
    },
    response: importOut.or(importAccepted),
    handler: async ({ auth, request, setStatus }) => {
      requireRole(auth, ADMINS);
      await mkdir(uploads, { recursive: true });
      const dir = await mkdtemp(join(uploads, 'import-'));
      let queued: { id: string; status: ImportStatus };
      try {
        const upload = await receiveUpload(request, dir);
        // Built-in or one of the org's mappings: queueFileImport checks, listing the valid ones.
        const source = z.string().min(1).max(40).safeParse(upload.source);
        if (!source.success) throw invalid('source', problem('field.required'), 'is required');
        // From here the background thread owns the folder and deletes it when the import ends.
        queued = await queue.queueImport({
          principal: auth,
          source: source.data,
          path: upload.path,
          fileName: upload.fileName,
          kosId: typeof upload.kosId === 'string' && upload.kosId.trim() ? upload.kosId.trim() : null,
        });
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
      if (respondAsync(request)) {
        setStatus(202);
        return queued;
      }
      await queue.awaitImport(queued.id);
      return service.getImportOrThrow(db, auth, queued.id);
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
    summary: 'An import report: its status and progress (`rowsDone` of `rows`)',
    tags,
    params: idParams,
    response: importOut,
    handler: ({ auth, params }) => service.getImportOrThrow(db, auth, params.id),
  });
}

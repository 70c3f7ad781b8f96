// Violation reports: authority systems submit them; authorities and auditors read them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ListReportsQuery, Report, ReportSummary, SubmitReportBody } from '../../schemas/reports.ts'
import { BODY_ERRORS, created, errorResponses, IdParams, IdempotencyHeaders, ListOf } from '../../schemas/common.ts'
import { submitReport } from '../../use-cases/submit-report.ts'
import type { IssuingQueue } from '../../use-cases/issuing-queue.ts'
import type { Database } from '../../use-cases/database.ts'
import { reportLocation } from '../../use-cases/report-views.ts'
import { getReport, listReportSummaries } from '../../use-cases/reports.ts'
import { DEFAULT_PAGE_SIZE } from '../../lib/pagination.ts'
import { VIDEO_HASH_BODY_BYTES } from '../../schemas/hash-bank.ts'

const READERS = ['authority', 'auditor'] as const

const reports: FastifyPluginAsyncTypebox<{ db: Database, queue: IssuingQueue }> = async (app, { db, queue }) => {
  app.post('/v1/reports', {
    // A video's vPDQ hash runs to 36,000 features (about 4 MB of JSON); the configured limit still applies when larger.
    bodyLimit: Math.max(app.initialConfig.bodyLimit ?? 0, VIDEO_HASH_BODY_BYTES),
    config: { roles: ['authority'], idempotent: true },
    schema: {
      tags: ['reports'],
      operationId: 'submitReport',
      summary: 'Submit a violation report (up to 1000 items)',
      description: 'Every item is recognised (platform, canonical URL, identifiers) before anything is stored; one ' +
        'bad item refuses the whole report with a 422 naming every offending item, and so does a URL that is the ' +
        'same material as an earlier item of the report. An item whose URL is already under an open notice is stored ' +
        'with `duplicateOf` naming that notice and issued to nobody again, also when reports of it arrive at the ' +
        'same time. An item may carry `hashes.vpdq`, a video\'s vPDQ hash; a re-upload of a removed video is then ' +
        'flagged and its notice made urgent, as for PDQ.',
      headers: IdempotencyHeaders,
      body: SubmitReportBody,
      response: { 201: created(Report), ...errorResponses(...BODY_ERRORS, 403, 409, 422) }
    }
  }, async (request, reply) => {
    const report = await submitReport(db, queue, request.principal, request.body, request.idempotency)
    return reply.status(201).header('location', reportLocation(report.id)).send(report)
  })

  app.get('/v1/reports', {
    config: { roles: READERS },
    schema: {
      tags: ['reports'],
      operationId: 'listReports',
      summary: 'List reports in submission order, by filters',
      description: 'Authorities and auditors see every report, whoever submitted it, filtered by `externalRef`, ' +
        '`category` and `createdSince`. Each report carries its item count and the notices issued from it, not the ' +
        'items. Pages of `limit` (default 50, at most 500) follow `cursor` and answer `{ data, nextCursor }`.',
      querystring: ListReportsQuery,
      response: { 200: ListOf(ReportSummary), ...errorResponses(400, 403) }
    }
  }, async (request) => {
    const { limit = DEFAULT_PAGE_SIZE, cursor, ...filters } = request.query
    return listReportSummaries(db, filters, limit, cursor)
  })

  app.get('/v1/reports/:id', {
    config: { roles: READERS },
    schema: {
      tags: ['reports'],
      operationId: 'getReport',
      summary: 'One report with its items',
      description: 'Authorities and auditors may read any report. Items come in the order submitted, with what ' +
        'recognition found (platform, canonical URL, identifiers), re-upload matches, and `duplicateOf` when an open ' +
        'notice already covered the URL; `notices` lists the notices issued from it, at most one per platform. The ' +
        'answer carries an ETag; If-None-Match with it answers 304.',
      params: IdParams,
      response: { 200: Report, ...errorResponses(400, 403, 404) }
    }
  }, async (request) => getReport(db, request.params.id))
}

export default reports

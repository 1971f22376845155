import { Controller, Get, Header, Logger, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AccessContext, ApiKeyScope, ApiRefusals, CurrentAccessContext, Section } from '@aidial/api/core';
import { AuditLogService } from './audit-log.service';
import { AuditActorListDto, AuditChainVerificationDto, AuditEventPageDto } from './dto/audit-event.response.dto';
import {
  AuditEventFilterQueryDto,
  AuditScopeQueryDto,
  ListAuditEventsQueryDto,
  VerifyAuditChainQueryDto,
} from './dto/list-audit-events.query.dto';

const INVALID_FILTERS = 'an unknown parameter, a bad value, or a malformed `cursor`; `fields` says where.';
const OUT_OF_SCOPE = 'a `client_id` / `tenant_id` outside your scope (answered like a missing one).';

/** The Audit Log (section `audit_log`): client roles read their tenant, partners theirs and their clients', internal roles all. */
@ApiTags('audit')
@Controller('api/audit-events')
export class AuditEventsController {
  private readonly logger = new Logger('AuditExport');

  constructor(private readonly log: AuditLogService) {}

  @Get()
  @Section('audit_log')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Audit events in your scope, newest first, filtered, a page at a time.' })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiRefusals({ validation_failed: INVALID_FILTERS, not_found: OUT_OF_SCOPE })
  listAuditEvents(
    @CurrentAccessContext() context: AccessContext,
    @Query() query: ListAuditEventsQueryDto,
  ): Promise<AuditEventPageDto> {
    return this.log.list(context, query);
  }

  @Get('actors')
  @Section('audit_log')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Everyone who appears as an actor in your scope, once each, by name: the Audit Log’s person picker. Pass an ' +
      'item’s `id` as `actor` to the list or the export.',
  })
  @ApiOkResponse({ type: AuditActorListDto })
  @ApiRefusals({
    validation_failed: 'an unknown parameter; `fields` says which.',
    not_found: OUT_OF_SCOPE,
  })
  listAuditActors(
    @CurrentAccessContext() context: AccessContext,
    @Query() query: AuditScopeQueryDto,
  ): Promise<AuditActorListDto> {
    return this.log.actors(context, query);
  }

  @Get('export.csv')
  @Section('audit_log')
  @ApiOperation({
    summary:
      'The same events as the page, for the same filters, as CSV (streamed; cells that look like formulas are quoted).',
  })
  @ApiOkResponse({
    description: 'CSV, one event a line after the header line. Refusals are the JSON error envelope, as everywhere.',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiRefusals({ validation_failed: INVALID_FILTERS, not_found: OUT_OF_SCOPE })
  async exportAuditEvents(
    @CurrentAccessContext() context: AccessContext,
    @Query() query: AuditEventFilterQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const writeCsv = await this.log.prepareExport(context, query);
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="audit-events.csv"');
    res.setHeader('Cache-Control', 'no-store');
    try {
      await writeCsv(res);
      res.end();
    } catch (error) {
      // Headers are gone: the only honest signal left is a cut connection, never a half file that looks whole.
      this.logger.warn({ event: 'audit.export_failed', err: error });
      res.destroy();
    }
  }
}

/** Chain verification for AiDial's own staff (section `admin`). */
@ApiTags('audit')
@Controller('api/admin/audit-events')
export class AuditVerificationController {
  constructor(private readonly log: AuditLogService) {}

  @Get('verify')
  @Section('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Recomputes the hash chain of one tenant (or of the events without a tenant) over a time range and reports the first broken link.',
  })
  @ApiOkResponse({ type: AuditChainVerificationDto })
  @ApiRefusals({ validation_failed: 'a malformed `tenant_id`, `from` or `to`, or an unknown parameter.' })
  verifyAuditChain(@Query() query: VerifyAuditChainQueryDto): Promise<AuditChainVerificationDto> {
    return this.log.verify(
      query.tenant_id?.toLowerCase() ?? null,
      query.from ? new Date(query.from) : undefined,
      query.to ? new Date(query.to) : undefined,
    );
  }
}

/**
 * `/v1/audit-events` (scope `audit:read`): the Audit Log's own read service with the key's access context, so a key
 * sees exactly what its creator's role sees in its tenant (partners: their own and their managed clients' events).
 */
@ApiTags('v1')
@Controller('v1/audit-events')
export class V1AuditEventsController {
  constructor(private readonly log: AuditLogService) {}

  @Get()
  @ApiKeyScope('audit:read', 'audit_log')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Audit events in the key’s scope, newest first, a page at a time (`next_cursor`).',
    description:
      'Pass the previous answer’s `next_cursor` as `cursor` for the next page (add `?limit=50` and the filters to ' +
      'the samples below); it is `null` on the last page. Each event carries `actor` (who acted, in words: a ' +
      'person’s name and email, or a label) and `target_description` beside the ids, which are unchanged; fields ' +
      'may be added to an event, so read it by name.',
  })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiRefusals({
    validation_failed: INVALID_FILTERS,
    not_found: 'a `client_id` / `tenant_id` outside the key’s scope (answered like a missing one).',
  })
  listV1AuditEvents(
    @CurrentAccessContext() context: AccessContext,
    @Query() query: ListAuditEventsQueryDto,
  ): Promise<AuditEventPageDto> {
    return this.log.list(context, query);
  }
}

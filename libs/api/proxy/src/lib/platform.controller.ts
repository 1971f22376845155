import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiKeyScope, ApiRefusals, type Refusals, type RequestWithPrincipal, Section } from '@aidial/api/core';
import {
  PlatformBillingSummaryDto,
  PlatformCallDto,
  PlatformCallPageDto,
  PlatformCampaignListDto,
  PlatformCapacityDto,
  PlatformDashboardSummaryDto,
} from './dto/platform.dto';
import { PlatformBillingQueryDto, PlatformCallsQueryDto, PlatformCampaignsQueryDto } from './dto/platform-queries.dto';
import { type PlatformAnswer, PlatformProxy } from './platform-proxy';
import { PLATFORM_ROUTES } from './platform-routes';

/** The answers of the platform transport, whichever surface. */
const UPSTREAM_FAILURES: Refusals = {
  upstream_unavailable: 'the platform API failed, was unreachable, or answered more than 1 MiB.',
  upstream_timeout: 'the platform API did not answer within AIDIAL_API_TIMEOUT_MS.',
};
/** Routes whose data belongs to one customer (`clientScoped` in platform-routes.ts). */
const CLIENT_SCOPED: Refusals = {
  ...UPSTREAM_FAILURES,
  client_selection_required: 'a partner without a selected client (a key made without one).',
};
const INVALID_FILTERS = 'an unknown or malformed filter; `fields` says which. Nothing is sent to the platform.';
const NO_SUCH_CALL = 'no such call in your scope: another customer’s or project’s call answers like a missing one.';

/** The platform's JSON goes back as it came; only its content headers, never its cookies, and never cached. */
function send(res: Response, answer: PlatformAnswer): unknown {
  for (const [name, value] of Object.entries(answer.headers)) if (name !== 'content-type') res.setHeader(name, value);
  res.setHeader('Cache-Control', 'no-store');
  return answer.body;
}

/** `/api/platform/...`: the portal's platform pages, with the session's own access token. Each route declares its section. */
@ApiTags('proxy')
@Controller('api/platform')
export class PlatformController {
  constructor(private readonly proxy: PlatformProxy) {}

  @Get('dashboard/summary')
  @Section('dashboard')
  @ApiOperation({
    summary: 'Today’s calls, answer rate, this month’s minutes and running campaigns of the customer shown.',
  })
  @ApiOkResponse({ type: PlatformDashboardSummaryDto })
  @ApiRefusals(CLIENT_SCOPED)
  async getDashboardSummary(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlatformDashboardSummaryDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.dashboardSummary, req)) as PlatformDashboardSummaryDto;
  }

  @Get('calls')
  @Section('calls')
  @ApiOperation({ summary: 'Calls of the customer shown, newest first, a page at a time.' })
  @ApiOkResponse({ type: PlatformCallPageDto })
  @ApiRefusals({ ...CLIENT_SCOPED, validation_failed: INVALID_FILTERS })
  async getCalls(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
    @Query() query: PlatformCallsQueryDto,
  ): Promise<PlatformCallPageDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.calls, req, { query })) as PlatformCallPageDto;
  }

  @Get('calls/:id')
  @Section('calls')
  @ApiOperation({ summary: 'One call; a call of another customer or project answers like a missing one (404).' })
  @ApiOkResponse({ type: PlatformCallDto })
  @ApiRefusals({ ...CLIENT_SCOPED, not_found: NO_SUCH_CALL })
  async getCall(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
    @Param('id') id: string,
  ): Promise<PlatformCallDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.call, req, { id })) as PlatformCallDto;
  }

  @Get('billing/summary')
  @Section('billing')
  @ApiOperation({ summary: 'This month’s (or the period’s) usage and charges of the customer shown.' })
  @ApiOkResponse({ type: PlatformBillingSummaryDto })
  @ApiRefusals({ ...CLIENT_SCOPED, validation_failed: INVALID_FILTERS })
  async getBillingSummary(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
    @Query() query: PlatformBillingQueryDto,
  ): Promise<PlatformBillingSummaryDto> {
    return send(
      res,
      await this.proxy.forward(PLATFORM_ROUTES.billingSummary, req, { query }),
    ) as PlatformBillingSummaryDto;
  }

  @Get('campaigns')
  @Section('partner_campaigns')
  @ApiOperation({ summary: 'Outbound campaigns of the customer shown.' })
  @ApiOkResponse({ type: PlatformCampaignListDto })
  @ApiRefusals({ ...CLIENT_SCOPED, validation_failed: INVALID_FILTERS })
  async getCampaigns(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
    @Query() query: PlatformCampaignsQueryDto,
  ): Promise<PlatformCampaignListDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.campaigns, req, { query })) as PlatformCampaignListDto;
  }

  @Get('capacity')
  @Section('capacity')
  @ApiOperation({ summary: 'Line capacity: the partner’s own, or platform-wide for AiDial staff.' })
  @ApiOkResponse({ type: PlatformCapacityDto })
  @ApiRefusals(UPSTREAM_FAILURES)
  async getCapacity(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlatformCapacityDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.capacity, req)) as PlatformCapacityDto;
  }
}

/**
 * `/v1/platform/...`: the same routes for API keys with `platform:read`, with the service token; the key's creator role
 * must open each route's section.
 */
@ApiTags('v1')
@Controller('v1/platform')
export class V1PlatformController {
  constructor(private readonly proxy: PlatformProxy) {}

  @Get('dashboard/summary')
  @ApiKeyScope('platform:read', 'dashboard')
  @ApiOperation({
    summary: 'Today’s calls, answer rate, this month’s minutes and running campaigns of the customer shown.',
    description:
      '```sh\ncurl -s https://portal.aidial.example/v1/platform/dashboard/summary -H "X-API-Key: $AIDIAL_API_KEY"\n```',
  })
  @ApiOkResponse({ type: PlatformDashboardSummaryDto })
  @ApiRefusals(CLIENT_SCOPED)
  async getV1DashboardSummary(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlatformDashboardSummaryDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.dashboardSummary, req)) as PlatformDashboardSummaryDto;
  }

  @Get('calls')
  @ApiKeyScope('platform:read', 'calls')
  @ApiOperation({
    summary: 'Calls of the customer shown, newest first, a page at a time.',
    description: '```sh\ncurl -s https://portal.aidial.example/v1/platform/calls -H "X-API-Key: $AIDIAL_API_KEY"\n```',
  })
  @ApiOkResponse({ type: PlatformCallPageDto })
  @ApiRefusals({ ...CLIENT_SCOPED, validation_failed: INVALID_FILTERS })
  async getV1Calls(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
    @Query() query: PlatformCallsQueryDto,
  ): Promise<PlatformCallPageDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.calls, req, { query })) as PlatformCallPageDto;
  }

  @Get('calls/:id')
  @ApiKeyScope('platform:read', 'calls')
  @ApiOperation({
    summary: 'One call; a call of another customer or project answers like a missing one (404).',
    description:
      '```sh\ncurl -s https://portal.aidial.example/v1/platform/calls/CALL_ID -H "X-API-Key: $AIDIAL_API_KEY"\n```',
  })
  @ApiOkResponse({ type: PlatformCallDto })
  @ApiRefusals({ ...CLIENT_SCOPED, not_found: NO_SUCH_CALL })
  async getV1Call(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
    @Param('id') id: string,
  ): Promise<PlatformCallDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.call, req, { id })) as PlatformCallDto;
  }

  @Get('billing/summary')
  @ApiKeyScope('platform:read', 'billing')
  @ApiOperation({
    summary: 'This month’s (or the period’s) usage and charges of the customer shown.',
    description:
      '```sh\ncurl -s https://portal.aidial.example/v1/platform/billing/summary -H "X-API-Key: $AIDIAL_API_KEY"\n```',
  })
  @ApiOkResponse({ type: PlatformBillingSummaryDto })
  @ApiRefusals({ ...CLIENT_SCOPED, validation_failed: INVALID_FILTERS })
  async getV1BillingSummary(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
    @Query() query: PlatformBillingQueryDto,
  ): Promise<PlatformBillingSummaryDto> {
    return send(
      res,
      await this.proxy.forward(PLATFORM_ROUTES.billingSummary, req, { query }),
    ) as PlatformBillingSummaryDto;
  }

  @Get('campaigns')
  @ApiKeyScope('platform:read', 'partner_campaigns')
  @ApiOperation({
    summary: 'Outbound campaigns of the customer shown.',
    description:
      '```sh\ncurl -s https://portal.aidial.example/v1/platform/campaigns -H "X-API-Key: $AIDIAL_API_KEY"\n```',
  })
  @ApiOkResponse({ type: PlatformCampaignListDto })
  @ApiRefusals({ ...CLIENT_SCOPED, validation_failed: INVALID_FILTERS })
  async getV1Campaigns(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
    @Query() query: PlatformCampaignsQueryDto,
  ): Promise<PlatformCampaignListDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.campaigns, req, { query })) as PlatformCampaignListDto;
  }

  @Get('capacity')
  @ApiKeyScope('platform:read', 'capacity')
  @ApiOperation({
    summary: 'Line capacity: the partner’s own, or platform-wide for AiDial staff.',
    description:
      '```sh\ncurl -s https://portal.aidial.example/v1/platform/capacity -H "X-API-Key: $AIDIAL_API_KEY"\n```',
  })
  @ApiOkResponse({ type: PlatformCapacityDto })
  @ApiRefusals(UPSTREAM_FAILURES)
  async getV1Capacity(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlatformCapacityDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.capacity, req)) as PlatformCapacityDto;
  }
}

import { Controller, Get, Param, Req, Res, applyDecorators } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiGatewayTimeoutResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiKeyScope, ApiV1Refusals, ErrorEnvelopeDto, type RequestWithPrincipal, Section } from '@aidial/api/core';
import {
  PlatformBillingSummaryDto,
  PlatformCallDto,
  PlatformCallPageDto,
  PlatformCampaignListDto,
  PlatformCapacityDto,
  PlatformDashboardSummaryDto,
} from './dto/platform.dto';
import { ApiPortalRefusals } from './openapi-errors';
import { type PlatformAnswer, PlatformProxy } from './platform-proxy';
import { PLATFORM_ROUTES } from './platform-routes';

/** The answers of the platform transport, whichever surface. */
const ApiUpstreamFailures = () =>
  applyDecorators(
    ApiConflictResponse({
      type: ErrorEnvelopeDto,
      description: '`client_selection_required`: a partner without a selected client (a key made without one).',
    }),
    ApiResponse({
      status: 502,
      type: ErrorEnvelopeDto,
      description: '`upstream_unavailable`: the platform API failed, was unreachable, or answered more than 1 MiB.',
    }),
    ApiGatewayTimeoutResponse({
      type: ErrorEnvelopeDto,
      description: '`upstream_timeout`: the platform API did not answer within AIDIAL_API_TIMEOUT_MS.',
    }),
  );

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
  @ApiPortalRefusals()
  @ApiUpstreamFailures()
  async getDashboardSummary(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlatformDashboardSummaryDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.dashboardSummary, req)) as PlatformDashboardSummaryDto;
  }

  @Get('calls')
  @Section('calls')
  @ApiOperation({ summary: 'Calls of the customer shown, newest first, a page at a time.' })
  @ApiQuery({ name: 'project_id', required: false, type: String })
  @ApiQuery({ name: 'direction', required: false, type: String })
  @ApiQuery({ name: 'outcome', required: false, type: String })
  @ApiQuery({ name: 'cursor', required: false, type: String })
  @ApiQuery({ name: 'limit', required: false, type: String })
  @ApiOkResponse({ type: PlatformCallPageDto })
  @ApiPortalRefusals()
  @ApiUpstreamFailures()
  async getCalls(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlatformCallPageDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.calls, req)) as PlatformCallPageDto;
  }

  @Get('calls/:id')
  @Section('calls')
  @ApiOperation({ summary: 'One call; a call of another customer or project answers like a missing one (404).' })
  @ApiOkResponse({ type: PlatformCallDto })
  @ApiPortalRefusals()
  @ApiUpstreamFailures()
  async getCall(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
    @Param('id') id: string,
  ): Promise<PlatformCallDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.call, req, id)) as PlatformCallDto;
  }

  @Get('billing/summary')
  @Section('billing')
  @ApiOperation({ summary: 'This month’s (or the period’s) usage and charges of the customer shown.' })
  @ApiQuery({ name: 'period', required: false, type: String })
  @ApiOkResponse({ type: PlatformBillingSummaryDto })
  @ApiPortalRefusals()
  @ApiUpstreamFailures()
  async getBillingSummary(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlatformBillingSummaryDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.billingSummary, req)) as PlatformBillingSummaryDto;
  }

  @Get('campaigns')
  @Section('partner_campaigns')
  @ApiOperation({ summary: 'Outbound campaigns of the customer shown.' })
  @ApiQuery({ name: 'project_id', required: false, type: String })
  @ApiQuery({ name: 'status', required: false, type: String })
  @ApiOkResponse({ type: PlatformCampaignListDto })
  @ApiPortalRefusals()
  @ApiUpstreamFailures()
  async getCampaigns(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlatformCampaignListDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.campaigns, req)) as PlatformCampaignListDto;
  }

  @Get('capacity')
  @Section('capacity')
  @ApiOperation({ summary: 'Line capacity: the partner’s own, or platform-wide for AiDial staff.' })
  @ApiOkResponse({ type: PlatformCapacityDto })
  @ApiPortalRefusals()
  @ApiUpstreamFailures()
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
  @ApiV1Refusals()
  @ApiUpstreamFailures()
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
  @ApiQuery({ name: 'project_id', required: false, type: String })
  @ApiQuery({ name: 'direction', required: false, type: String })
  @ApiQuery({ name: 'outcome', required: false, type: String })
  @ApiQuery({ name: 'cursor', required: false, type: String })
  @ApiQuery({ name: 'limit', required: false, type: String })
  @ApiOkResponse({ type: PlatformCallPageDto })
  @ApiV1Refusals()
  @ApiUpstreamFailures()
  async getV1Calls(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlatformCallPageDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.calls, req)) as PlatformCallPageDto;
  }

  @Get('calls/:id')
  @ApiKeyScope('platform:read', 'calls')
  @ApiOperation({
    summary: 'One call; a call of another customer or project answers like a missing one (404).',
    description:
      '```sh\ncurl -s https://portal.aidial.example/v1/platform/calls/CALL_ID -H "X-API-Key: $AIDIAL_API_KEY"\n```',
  })
  @ApiOkResponse({ type: PlatformCallDto })
  @ApiV1Refusals()
  @ApiUpstreamFailures()
  async getV1Call(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
    @Param('id') id: string,
  ): Promise<PlatformCallDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.call, req, id)) as PlatformCallDto;
  }

  @Get('billing/summary')
  @ApiKeyScope('platform:read', 'billing')
  @ApiOperation({
    summary: 'This month’s (or the period’s) usage and charges of the customer shown.',
    description:
      '```sh\ncurl -s https://portal.aidial.example/v1/platform/billing/summary -H "X-API-Key: $AIDIAL_API_KEY"\n```',
  })
  @ApiQuery({ name: 'period', required: false, type: String })
  @ApiOkResponse({ type: PlatformBillingSummaryDto })
  @ApiV1Refusals()
  @ApiUpstreamFailures()
  async getV1BillingSummary(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlatformBillingSummaryDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.billingSummary, req)) as PlatformBillingSummaryDto;
  }

  @Get('campaigns')
  @ApiKeyScope('platform:read', 'partner_campaigns')
  @ApiOperation({
    summary: 'Outbound campaigns of the customer shown.',
    description:
      '```sh\ncurl -s https://portal.aidial.example/v1/platform/campaigns -H "X-API-Key: $AIDIAL_API_KEY"\n```',
  })
  @ApiQuery({ name: 'project_id', required: false, type: String })
  @ApiQuery({ name: 'status', required: false, type: String })
  @ApiOkResponse({ type: PlatformCampaignListDto })
  @ApiV1Refusals()
  @ApiUpstreamFailures()
  async getV1Campaigns(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlatformCampaignListDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.campaigns, req)) as PlatformCampaignListDto;
  }

  @Get('capacity')
  @ApiKeyScope('platform:read', 'capacity')
  @ApiOperation({
    summary: 'Line capacity: the partner’s own, or platform-wide for AiDial staff.',
    description:
      '```sh\ncurl -s https://portal.aidial.example/v1/platform/capacity -H "X-API-Key: $AIDIAL_API_KEY"\n```',
  })
  @ApiOkResponse({ type: PlatformCapacityDto })
  @ApiV1Refusals()
  @ApiUpstreamFailures()
  async getV1Capacity(
    @Req() req: RequestWithPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlatformCapacityDto> {
    return send(res, await this.proxy.forward(PLATFORM_ROUTES.capacity, req)) as PlatformCapacityDto;
  }
}

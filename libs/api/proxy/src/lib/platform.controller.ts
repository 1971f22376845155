import { Controller, Get, Param, Query, Req, Res, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiKeyScope, ApiRefusals, type Refusals, type RequestWithPrincipal, Section } from '@aidial/api/core';
import {
  PlatformAdjustmentListDto,
  PlatformBillingSummaryDto,
  PlatformCallDto,
  PlatformCallPageDto,
  PlatformCampaignListDto,
  PlatformCapacityDto,
  PlatformComplianceRecordsDto,
  PlatformComplianceSettingsDto,
  PlatformDashboardSummaryDto,
  PlatformDiscountListDto,
  PlatformIncidentListDto,
} from './dto/platform.dto';
import {
  PlatformAdjustmentsQueryDto,
  PlatformBillingQueryDto,
  PlatformCallsQueryDto,
  PlatformCampaignsQueryDto,
  PlatformComplianceRecordsQueryDto,
  PlatformDiscountsQueryDto,
  PlatformIncidentsQueryDto,
  type PlatformQuery,
} from './dto/platform-queries.dto';
import { type PlatformAnswer, PlatformProxy } from './platform-proxy';
import { PLATFORM_ROUTES, type PlatformRoute, type PlatformRouteName } from './platform-routes';

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

/**
 * The platform's JSON goes back byte for byte, as UTF-8 JSON whatever `+json` type it came as; only its content
 * headers, never its cookies, and never cached.
 */
function send(res: Response, answer: PlatformAnswer): void {
  for (const [name, value] of Object.entries(answer.headers)) if (name !== 'content-type') res.setHeader(name, value);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.send(answer.json);
}

/** How one platform route is documented and answered, on both surfaces. Its path, section and scope: PLATFORM_ROUTES. */
interface PlatformOperation {
  /**
   * The operation ids (the handlers' names) on `/api/platform` and on `/v1/platform`; without a `v1` name the route is
   * the portal's only (no API key reaches it).
   */
  readonly names: { readonly portal: string; readonly v1?: string };
  readonly summary: string;
  readonly response: Type;
  /** The query DTO the validation pipe checks before anything is sent; none for routes without filters. */
  readonly query?: Type;
  /** Set when the route takes an `:id` (its name in the samples is the OpenAPI document's: `$CALL_ID`). */
  readonly idExample?: string;
  readonly refusals: Refusals;
}

/** One row per allow-listed route: both controllers below are built from this table, so the two surfaces cannot drift. */
const PLATFORM_OPERATIONS: Readonly<Record<PlatformRouteName, PlatformOperation>> = {
  dashboardSummary: {
    names: { portal: 'getDashboardSummary', v1: 'getV1DashboardSummary' },
    summary: 'Today’s calls, answer rate, this month’s minutes and running campaigns of the customer shown.',
    response: PlatformDashboardSummaryDto,
    refusals: CLIENT_SCOPED,
  },
  calls: {
    names: { portal: 'getCalls', v1: 'getV1Calls' },
    summary: 'Calls of the customer shown, newest first, a page at a time.',
    response: PlatformCallPageDto,
    query: PlatformCallsQueryDto,
    refusals: { ...CLIENT_SCOPED, validation_failed: INVALID_FILTERS },
  },
  call: {
    names: { portal: 'getCall', v1: 'getV1Call' },
    summary: 'One call; a call of another customer or project answers like a missing one (404).',
    response: PlatformCallDto,
    idExample: 'CALL_ID',
    refusals: { ...CLIENT_SCOPED, not_found: NO_SUCH_CALL },
  },
  billingSummary: {
    names: { portal: 'getBillingSummary', v1: 'getV1BillingSummary' },
    summary: 'This month’s (or the period’s) usage and charges of the customer shown.',
    response: PlatformBillingSummaryDto,
    query: PlatformBillingQueryDto,
    refusals: { ...CLIENT_SCOPED, validation_failed: INVALID_FILTERS },
  },
  campaigns: {
    names: { portal: 'getCampaigns', v1: 'getV1Campaigns' },
    summary: 'Outbound campaigns of the customer shown.',
    response: PlatformCampaignListDto,
    query: PlatformCampaignsQueryDto,
    refusals: { ...CLIENT_SCOPED, validation_failed: INVALID_FILTERS },
  },
  capacity: {
    names: { portal: 'getCapacity', v1: 'getV1Capacity' },
    summary: 'Line capacity: the partner’s own, or platform-wide for AiDial staff.',
    response: PlatformCapacityDto,
    refusals: UPSTREAM_FAILURES,
  },
  // Portal only: Compliance is a customer's own roles' (no key is made by them), and the admin area's platform data
  // is for AiDial staff in the portal, not for integrations.
  complianceRecords: {
    names: { portal: 'getComplianceRecords' },
    summary: 'The do-not-call, consent and calling-hours checks of the last seven days, newest first, with totals.',
    response: PlatformComplianceRecordsDto,
    query: PlatformComplianceRecordsQueryDto,
    refusals: { ...CLIENT_SCOPED, validation_failed: INVALID_FILTERS },
  },
  complianceSettings: {
    names: { portal: 'getComplianceSettings' },
    summary: 'Calling hours, do-not-call lists, consent sources and exceptions of the customer shown.',
    response: PlatformComplianceSettingsDto,
    refusals: CLIENT_SCOPED,
  },
  incidents: {
    names: { portal: 'getIncidents' },
    summary: 'Platform incidents, open and resolved, with their updates.',
    response: PlatformIncidentListDto,
    query: PlatformIncidentsQueryDto,
    refusals: { ...UPSTREAM_FAILURES, validation_failed: INVALID_FILTERS },
  },
  discounts: {
    names: { portal: 'getDiscounts' },
    summary: 'Discounts on tenants’ bills: active, scheduled and expired.',
    response: PlatformDiscountListDto,
    query: PlatformDiscountsQueryDto,
    refusals: { ...UPSTREAM_FAILURES, validation_failed: INVALID_FILTERS },
  },
  adjustments: {
    names: { portal: 'getAdjustments' },
    summary: 'Credits and charges applied to tenants’ bills, newest first.',
    response: PlatformAdjustmentListDto,
    query: PlatformAdjustmentsQueryDto,
    refusals: { ...UPSTREAM_FAILURES, validation_failed: INVALID_FILTERS },
  },
};

type Surface = 'portal' | 'v1';

/** The access declaration of a route on one surface: the portal section, or a `platform:read` key whose creator opens it. */
function accessOf(surface: Surface, route: PlatformRoute): MethodDecorator {
  return surface === 'portal' ? Section(route.section) : ApiKeyScope('platform:read', route.section);
}

/**
 * Adds one handler per allow-listed route to a controller class, decorated exactly as a hand-written handler would be
 * (route, access declaration, OpenAPI, and `@Req`, `@Res` (the handler sends the platform's bytes itself), then
 * `@Query` or `@Param('id')` with the DTO's type, so the validation pipe and the OpenAPI export see it). Each forwards
 * through the proxy and sends the platform's answer back.
 */
function definePlatformHandlers(target: Type<{ readonly proxy: PlatformProxy }>, surface: Surface): void {
  for (const [name, operation] of Object.entries(PLATFORM_OPERATIONS) as Array<
    [PlatformRouteName, PlatformOperation]
  >) {
    const route: PlatformRoute = PLATFORM_ROUTES[name];
    const key = operation.names[surface];
    if (key === undefined) continue;
    const handler = async function (
      this: { readonly proxy: PlatformProxy },
      req: RequestWithPrincipal,
      res: Response,
      input?: unknown,
    ): Promise<void> {
      const options = operation.query
        ? { query: input as PlatformQuery }
        : operation.idExample
          ? { id: input as string }
          : {};
      send(res, await this.proxy.forward(route, req, options));
    };
    Object.defineProperty(handler, 'name', { value: key });
    Object.defineProperty(target.prototype, key, { value: handler, writable: true, configurable: true });
    const descriptor = Object.getOwnPropertyDescriptor(target.prototype, key) as PropertyDescriptor;
    const third = operation.query ? Query() : operation.idExample ? Param('id') : undefined;
    Reflect.defineMetadata(
      'design:paramtypes',
      third ? [Object, Object, operation.query ?? String] : [Object, Object],
      target.prototype,
      key,
    );
    Req()(target.prototype, key, 0);
    Res()(target.prototype, key, 1);
    third?.(target.prototype, key, 2);
    // Applied last-first, as TypeScript applies a stack of decorators written above a method.
    const decorators: MethodDecorator[] = [
      Get(route.path),
      accessOf(surface, route),
      ApiOperation({
        summary: operation.summary,
      }),
      ApiOkResponse({ type: operation.response }),
      ApiRefusals(operation.refusals),
    ];
    for (const decorate of decorators.reverse()) decorate(target.prototype, key, descriptor);
  }
}

/** `/api/platform/...`: the portal's platform pages, with the session's own access token. Each route declares its section. */
@ApiTags('proxy')
@Controller('api/platform')
export class PlatformController {
  constructor(readonly proxy: PlatformProxy) {}
}
definePlatformHandlers(PlatformController, 'portal');

/**
 * `/v1/platform/...`: the same routes for API keys with `platform:read`, with the service token; the key's creator role
 * must open each route's section.
 */
@ApiTags('v1')
@Controller('v1/platform')
export class V1PlatformController {
  constructor(readonly proxy: PlatformProxy) {}
}
definePlatformHandlers(V1PlatformController, 'v1');

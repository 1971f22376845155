import { Body, Controller, Get, Header, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { type AccessContext, CurrentAccessContext, ErrorEnvelopeDto, MfaExempt, Section } from '@aidial/api/core';
import { CreateSupportTicketDto, SupportTicketDto, SupportTicketListDto } from './dto/support-ticket.dto';
import { SupportTicketsService } from './support-tickets.service';

const ApiSupportRefusals = () =>
  applyDecorators(
    ApiUnauthorizedResponse({
      type: ErrorEnvelopeDto,
      description: '`unauthenticated`: no, expired or revoked session.',
    }),
    ApiForbiddenResponse({
      type: ErrorEnvelopeDto,
      description: '`access_denied` (role not recognised, no membership), `tenant_suspended` or `csrf_failed`.',
    }),
    ApiNotFoundResponse({
      type: ErrorEnvelopeDto,
      description: '`not_found`: the role cannot open Support (internal roles).',
    }),
    ApiServiceUnavailableResponse({
      type: ErrorEnvelopeDto,
      description: '`session_validation_unavailable`, or `service_unavailable` (the rate-limit store cannot answer).',
    }),
  );

/**
 * Support (section `support`: every client and partner role). Reachable without MFA compliance, so a person locked out
 * of the MFA step can still ask for help (spec/04: a profile update is an `account` ticket).
 */
@ApiTags('support')
@Controller('api/support/tickets')
export class SupportTicketsController {
  constructor(private readonly tickets: SupportTicketsService) {}

  @Get()
  @Section('support')
  @MfaExempt()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Support tickets, newest first: your organisation’s for client_admin and partner_admin, your own for everyone else.',
  })
  @ApiOkResponse({ type: SupportTicketListDto })
  @ApiSupportRefusals()
  listSupportTickets(@CurrentAccessContext() context: AccessContext): Promise<SupportTicketListDto> {
    return this.tickets.list(context);
  }

  @Post()
  @Section('support')
  @MfaExempt()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Opens a ticket. At most 5 per person in 10 minutes; a ticket holding a code, token, cookie or key is refused.',
  })
  @ApiCreatedResponse({ type: SupportTicketDto })
  @ApiBadRequestResponse({
    type: ErrorEnvelopeDto,
    description:
      '`validation_failed` with field errors, or `ticket_contains_secret` with the fields (`subject`, `body`) that hold something shaped like a secret; nothing is stored.',
  })
  @ApiTooManyRequestsResponse({ type: ErrorEnvelopeDto, description: '`rate_limited`, with `Retry-After` in seconds.' })
  @ApiSupportRefusals()
  createSupportTicket(
    @CurrentAccessContext() context: AccessContext,
    @Body() body: CreateSupportTicketDto,
  ): Promise<SupportTicketDto> {
    return this.tickets.create(context, body);
  }
}

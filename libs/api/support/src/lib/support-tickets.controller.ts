import { Body, Controller, Get, Header, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AccessContext, ApiRefusals, CurrentAccessContext, Section } from '@aidial/api/core';
import { CreateSupportTicketDto, SupportTicketDto, SupportTicketListDto } from './dto/support-ticket.dto';
import { SupportTicketsService } from './support-tickets.service';

/**
 * Support (section `support`: every client and partner role). Reachable without MFA compliance, so a person locked out
 * of the MFA step can still ask for help (spec/04: a profile update is an `account` ticket).
 */
@ApiTags('support')
@Controller('api/support/tickets')
export class SupportTicketsController {
  constructor(private readonly tickets: SupportTicketsService) {}

  @Get()
  @Section('support', { mfaExempt: true })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Support tickets, newest first: your organisation’s for client_admin and partner_admin, your own for everyone else.',
  })
  @ApiOkResponse({ type: SupportTicketListDto })
  listSupportTickets(@CurrentAccessContext() context: AccessContext): Promise<SupportTicketListDto> {
    return this.tickets.list(context);
  }

  @Post()
  @Section('support', { mfaExempt: true })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Opens a ticket. At most 5 per person in 10 minutes; a ticket holding a code, token, cookie or key is refused.',
  })
  @ApiCreatedResponse({ type: SupportTicketDto })
  @ApiRefusals({
    validation_failed: 'the body does not match the schema; `fields` says where.',
    ticket_contains_secret:
      'the fields (`subject`, `body`) that hold something shaped like a secret, in `fields`; nothing is stored.',
    rate_limited: 'more than 5 tickets from you in 10 minutes.',
    service_unavailable: 'the rate-limit counters cannot be read.',
  })
  createSupportTicket(
    @CurrentAccessContext() context: AccessContext,
    @Body() body: CreateSupportTicketDto,
  ): Promise<SupportTicketDto> {
    return this.tickets.create(context, body);
  }
}

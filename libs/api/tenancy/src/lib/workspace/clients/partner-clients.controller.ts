import { Body, Controller, Get, Header, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AccessContext,
  ApiRefusals,
  CurrentAccessContext,
  CurrentPrincipal,
  Section,
  type SessionPrincipal,
} from '@aidial/api/core';
import {
  ClientSelectionDto,
  ClientSelectionRequestDto,
  PartnerClientDetailDto,
  PartnerClientListDto,
} from './client.dto';
import { PartnerClientsService } from './partner-clients.service';

const SCOPED_ID =
  'no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.';
const INVALID_INPUT = 'the body or query does not match the schema; `fields` says where.';

/** Partner Clients: the customer tenants the partner manages, and which one this session works on. */
@ApiTags('tenancy')
@Controller('api/partner')
export class PartnerClientsController {
  constructor(private readonly clients: PartnerClientsService) {}

  @Get('clients')
  @Section('partner_clients')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The clients you manage, with the one selected in this session marked.' })
  @ApiOkResponse({ type: PartnerClientListDto })
  async listPartnerClients(@CurrentAccessContext() context: AccessContext): Promise<PartnerClientListDto> {
    return { items: await this.clients.list(context) };
  }

  @Get('clients/:id')
  @Section('partner_clients')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'One client you manage, with its projects in your scope.' })
  @ApiOkResponse({ type: PartnerClientDetailDto })
  @ApiRefusals({ not_found: SCOPED_ID })
  getPartnerClient(
    @CurrentAccessContext() context: AccessContext,
    @Param('id') id: string,
  ): Promise<PartnerClientDetailDto> {
    return this.clients.get(context, id);
  }

  @Put('client-selection')
  @Section('partner_clients')
  @ApiOperation({
    summary:
      'Selects the client whose data client-scoped pages show in this session (null clears it). Any id of a client you do not manage answers 404.',
  })
  @ApiOkResponse({ type: ClientSelectionDto })
  @ApiRefusals({
    validation_failed: INVALID_INPUT,
    client_not_active: 'the client is managed by you but not active.',
    not_found: SCOPED_ID,
  })
  selectPartnerClient(
    @CurrentAccessContext() context: AccessContext,
    @CurrentPrincipal() principal: SessionPrincipal,
    @Body() body: ClientSelectionRequestDto,
  ): Promise<ClientSelectionDto> {
    return this.clients.select(context, principal.sessionId, body.client_id);
  }
}

import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AccessContext, ApiRefusals, CurrentAccessContext, Section } from '@aidial/api/core';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto, RotateApiKeyDto } from './dto/api-key.dto';

const INVALID_BODY = 'the body does not match the schema; `fields` says where.';
const NO_SUCH_KEY = 'no key with this id in your organisation (another tenant’s id answers like a missing one).';
const NOT_ACTIVE = 'the key is revoked or expired.';

/** The Integrations page (section `integrations`): partner and internal roles read; partner_admin and aidial_admin manage. */
@ApiTags('integrations')
@Controller('api/integrations/keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @Section('integrations')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Your organisation’s API keys (never their secrets), and the scopes your role may grant.' })
  @ApiOkResponse({ type: ApiKeyListDto })
  listApiKeys(@CurrentAccessContext() context: AccessContext): Promise<ApiKeyListDto> {
    return this.keys.list(context);
  }

  @Post()
  @Section('integrations', { action: 'integrations.manage', stepUp: true })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Creates a key. The answer holds the whole key, once: it is never stored and cannot be shown again.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiRefusals({
    validation_failed: INVALID_BODY,
    scope_not_grantable: 'a scope your role cannot give.',
  })
  createApiKey(
    @CurrentAccessContext() context: AccessContext,
    @Body() body: CreateApiKeyDto,
  ): Promise<CreatedApiKeyDto> {
    return this.keys.create(context, body);
  }

  @Post(':id/rotate')
  @Section('integrations', { action: 'integrations.manage', stepUp: true })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Issues a new key with the same settings; the old one keeps working for the overlap window (default 24 h, at most 7 days).',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiRefusals({
    validation_failed: INVALID_BODY,
    scope_not_grantable: 'the key carries a scope your role cannot give.',
    not_found: NO_SUCH_KEY,
    api_key_not_active: NOT_ACTIVE,
  })
  rotateApiKey(
    @CurrentAccessContext() context: AccessContext,
    @Param('id') id: string,
    @Body() body: RotateApiKeyDto,
  ): Promise<CreatedApiKeyDto> {
    return this.keys.rotate(context, id, body.overlap_hours);
  }

  @Delete(':id')
  @Section('integrations', { action: 'integrations.manage', stepUp: true })
  @HttpCode(204)
  @ApiOperation({ summary: 'Revokes a key at once.' })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiRefusals({ not_found: NO_SUCH_KEY, api_key_not_active: NOT_ACTIVE })
  async revokeApiKey(@CurrentAccessContext() context: AccessContext, @Param('id') id: string): Promise<void> {
    await this.keys.revoke(context, id);
  }
}

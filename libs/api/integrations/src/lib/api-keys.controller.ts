import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AccessContext, CurrentAccessContext, Section } from '@aidial/api/core';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto, RotateApiKeyDto } from './dto/api-key.dto';
import { ApiKeyConflict, ApiKeyManagementRefusals, ApiKeyValidation } from './openapi-errors';

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
  @ApiKeyManagementRefusals()
  listApiKeys(@CurrentAccessContext() context: AccessContext): Promise<ApiKeyListDto> {
    return this.keys.list(context);
  }

  @Post()
  @Section('integrations', 'integrations.manage')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Creates a key. The answer holds the whole key, once: it is never stored and cannot be shown again.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiKeyValidation()
  @ApiKeyManagementRefusals()
  createApiKey(
    @CurrentAccessContext() context: AccessContext,
    @Body() body: CreateApiKeyDto,
  ): Promise<CreatedApiKeyDto> {
    return this.keys.create(context, body);
  }

  @Post(':id/rotate')
  @Section('integrations', 'integrations.manage')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Issues a new key with the same settings; the old one keeps working for the overlap window (default 24 h, at most 7 days).',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiKeyValidation()
  @ApiKeyConflict()
  @ApiKeyManagementRefusals()
  rotateApiKey(
    @CurrentAccessContext() context: AccessContext,
    @Param('id') id: string,
    @Body() body: RotateApiKeyDto,
  ): Promise<CreatedApiKeyDto> {
    return this.keys.rotate(context, id, body.overlap_hours);
  }

  @Delete(':id')
  @Section('integrations', 'integrations.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revokes a key at once.' })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiKeyConflict()
  @ApiKeyManagementRefusals()
  async revokeApiKey(@CurrentAccessContext() context: AccessContext, @Param('id') id: string): Promise<void> {
    await this.keys.revoke(context, id);
  }
}

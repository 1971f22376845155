import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AccessContext,
  type ApiKeyPrincipal,
  ApiKeyScope,
  CurrentAccessContext,
  CurrentApiKey,
} from '@aidial/api/core';
import { WhoamiDto } from './dto/whoami.dto';

@ApiTags('v1')
@Controller('v1/whoami')
export class WhoamiController {
  @Get()
  @ApiKeyScope('whoami')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The key you are calling with: its tenant, scopes, project scope and expiry.',
    description: 'Every key holds the `whoami` scope. Use it to check a key from a server, with either sample below.',
  })
  @ApiOkResponse({ type: WhoamiDto })
  whoami(@CurrentApiKey() key: ApiKeyPrincipal, @CurrentAccessContext() context: AccessContext): WhoamiDto {
    return {
      key_id: key.keyId,
      key_name: key.name,
      public_id: key.publicId,
      tenant: { id: context.tenant.id, name: context.tenant.name, kind: context.tenant.kind },
      client: context.client ? { id: context.client.id, name: context.client.name } : null,
      scopes: [...key.scopes],
      project_scope:
        context.projectScope.kind === 'all'
          ? { kind: 'all', project_ids: [] }
          : { kind: 'selected', project_ids: [...context.projectScope.projectIds] },
      expires_at: new Date(key.expiresAt).toISOString(),
    };
  }
}

import { NotificationsModule } from '@aidial/api/notifications';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { API_KEY_AUTHENTICATOR } from '@aidial/api/core';
import { TenancyModule } from '@aidial/api/tenancy';
import { ApiKeyAuthenticatorService } from './api-key-authenticator';
import { ApiKeyDirectory } from './api-key-directory';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyEntity } from './entities/api-key.entity';
import { WhoamiController } from './whoami.controller';

/**
 * API keys: their management on the Integrations page and their authentication on `/v1` (the guard chain's
 * API_KEY_AUTHENTICATOR port, wired by the composition root). It imports the tenancy module (one way) for a key's
 * access context and for what it needs to know of tenants, projects and people.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ApiKeyEntity]), TenancyModule, NotificationsModule],
  controllers: [ApiKeysController, WhoamiController],
  providers: [
    ApiKeyRepository,
    ApiKeysService,
    ApiKeyAuthenticatorService,
    ApiKeyDirectory,
    { provide: API_KEY_AUTHENTICATOR, useExisting: ApiKeyAuthenticatorService },
  ],
  exports: [API_KEY_AUTHENTICATOR, ApiKeyDirectory],
})
export class IntegrationsModule {}

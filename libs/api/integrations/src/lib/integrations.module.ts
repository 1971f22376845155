import { Global, Module } from '@nestjs/common';
import { API_KEY_AUTHENTICATOR } from '@aidial/api/core';
import { ApiKeyAuthenticatorService } from './api-key-authenticator';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { WhoamiController } from './whoami.controller';

/**
 * API keys: their management on the Integrations page and their authentication on `/v1`. Global: the core guard
 * checks keys through the API_KEY_AUTHENTICATOR port, never by importing this module.
 */
@Global()
@Module({
  controllers: [ApiKeysController, WhoamiController],
  providers: [
    ApiKeysService,
    ApiKeyAuthenticatorService,
    { provide: API_KEY_AUTHENTICATOR, useExisting: ApiKeyAuthenticatorService },
  ],
  exports: [API_KEY_AUTHENTICATOR],
})
export class IntegrationsModule {}

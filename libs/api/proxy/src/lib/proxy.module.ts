import { Module } from '@nestjs/common';
import { AuthModule } from '@aidial/api/auth';
import { PlatformController, V1PlatformController } from './platform.controller';
import { PlatformProxy } from './platform-proxy';
import { PlatformServiceToken } from './service-token';

/**
 * The transport to the AiDial platform API, for the portal (`/api/platform`, with the session's provider access token,
 * renewed by auth's SessionTokens) and integrations (`/v1/platform`, with a client-credentials service token).
 */
@Module({
  imports: [AuthModule],
  controllers: [PlatformController, V1PlatformController],
  providers: [PlatformProxy, PlatformServiceToken],
})
export class ProxyModule {}

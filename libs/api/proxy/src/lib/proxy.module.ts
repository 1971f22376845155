import { Module } from '@nestjs/common';
import { PlatformController, V1PlatformController } from './platform.controller';
import { PlatformProxy } from './platform-proxy';
import { PlatformServiceToken } from './service-token';

/** The transport to the AiDial platform API, for the portal (`/api/platform`) and integrations (`/v1/platform`). */
@Module({
  controllers: [PlatformController, V1PlatformController],
  providers: [PlatformProxy, PlatformServiceToken],
})
export class ProxyModule {}

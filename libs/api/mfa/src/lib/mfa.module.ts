import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimitModule } from '@aidial/api/core';
import { NotificationsModule } from '@aidial/api/notifications';
import { SessionsModule } from '@aidial/api/sessions';
import { ZitadelModule } from '@aidial/api/zitadel';
import { MfaController } from './mfa.controller';
import { MfaLifecycleEntity } from './mfa-lifecycle.entity';
import { MfaLifecycleRepository } from './mfa-lifecycle.repository';
import { MfaService } from './mfa.service';
import { MfaSnapshotService } from './mfa-snapshot.service';

/**
 * MFA (docs/mfa.md): the snapshot taken at sign-in (MfaSnapshotService, which the auth module's callback calls), the
 * recovery-code lifecycle, the Profile summary and actions. Auth imports this module (one way): the sign-in takes the
 * snapshot here, and "Refresh security status" (a sign-in with `prompt=login`) is auth's route, which asks MfaService
 * to count and audit it. The compliance step itself lives in core's guard (a pure evaluation).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([MfaLifecycleEntity]),
    ZitadelModule,
    RateLimitModule,
    SessionsModule,
    NotificationsModule,
  ],
  controllers: [MfaController],
  providers: [MfaLifecycleRepository, MfaService, MfaSnapshotService],
  exports: [MfaService, MfaSnapshotService],
})
export class MfaModule {}

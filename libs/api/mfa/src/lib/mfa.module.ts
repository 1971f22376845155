import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MFA_SNAPSHOT_SOURCE, RateLimitModule } from '@aidial/api/core';
import { ZitadelModule } from '@aidial/api/zitadel';
import { MfaController } from './mfa.controller';
import { MfaLifecycleEntity } from './mfa-lifecycle.entity';
import { MfaLifecycleRepository } from './mfa-lifecycle.repository';
import { MfaService } from './mfa.service';
import { MfaSnapshotService } from './mfa-snapshot.service';

/**
 * MFA (DESIGN.md §3, §6; docs/mfa.md): the snapshot taken at sign-in (the MFA_SNAPSHOT_SOURCE port the auth module's
 * callback calls), the recovery-code lifecycle, the Profile summary and actions. Global: the port is read by the auth
 * module, which never imports this one. The compliance step itself lives in core's guard (a pure evaluation).
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([MfaLifecycleEntity]), ZitadelModule, RateLimitModule],
  controllers: [MfaController],
  providers: [MfaLifecycleRepository, MfaService, MfaSnapshotService, { provide: MFA_SNAPSHOT_SOURCE, useExisting: MfaSnapshotService }],
  exports: [MFA_SNAPSHOT_SOURCE],
})
export class MfaModule {}

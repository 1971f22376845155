import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AUDIT_RECORDER } from '@aidial/api/core';
import { TenancyModule } from '@aidial/api/tenancy';
import { AuditEventRepository } from './audit-event.repository';
import { AuditEventsController, AuditVerificationController, V1AuditEventsController } from './audit-events.controller';
import { AuditLogService } from './audit-log.service';
import { AuditRetention } from './audit-retention';
import { AuditService } from './audit.service';
import { AuditChainCheckpointEntity } from './entities/audit-chain-checkpoint.entity';
import { AuditEventEntity } from './entities/audit-event.entity';

/**
 * The audit log. Global: every other feature (and the core guard) records through the AUDIT_RECORDER port and never
 * imports this module. It imports the tenancy module (one way) for the clients a partner manages.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity, AuditChainCheckpointEntity]), TenancyModule],
  controllers: [AuditEventsController, AuditVerificationController, V1AuditEventsController],
  providers: [
    AuditService,
    AuditEventRepository,
    AuditLogService,
    AuditRetention,
    { provide: AUDIT_RECORDER, useExisting: AuditService },
  ],
  exports: [AUDIT_RECORDER, AuditService, AuditRetention],
})
export class AuditModule {}

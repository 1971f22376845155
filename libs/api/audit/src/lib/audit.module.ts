import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AUDIT_RECORDER } from '@aidial/api/core';
import { IntegrationsModule } from '@aidial/api/integrations';
import { TenancyModule } from '@aidial/api/tenancy';
import { AuditEventRepository } from './audit-event.repository';
import { AuditEventsController, AuditVerificationController, V1AuditEventsController } from './audit-events.controller';
import { AuditLogService } from './audit-log.service';
import { AuditRetention } from './audit-retention';
import { AuditService } from './audit.service';
import { AuditChainCheckpointEntity } from './entities/audit-chain-checkpoint.entity';
import { AuditEventEntity } from './entities/audit-event.entity';

/**
 * The audit log. The one global feature module: every other feature and the guard chain record through core's
 * AUDIT_RECORDER port, the inversion STYLE.md keeps for the guard chain, because this module imports them (tenancy for
 * the clients a partner manages and people's names, integrations for API keys' names, every module for the event types
 * it declares), so none can import it back.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([AuditEventEntity, AuditChainCheckpointEntity]),
    TenancyModule,
    IntegrationsModule,
  ],
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

import { Global, Module } from '@nestjs/common';
import { AUDIT_RECORDER } from '@aidial/api/core';
import { AuditEventRepository } from './audit-event.repository';
import { AuditEventsController, AuditVerificationController, V1AuditEventsController } from './audit-events.controller';
import { AuditLogService } from './audit-log.service';
import { AuditRetention } from './audit-retention';
import { AuditService } from './audit.service';

/**
 * The audit log. Global: every other feature (and the core guard) records through the AUDIT_RECORDER port and never
 * imports this module.
 */
@Global()
@Module({
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

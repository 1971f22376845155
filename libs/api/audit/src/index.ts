import { AuditChainCheckpointEntity } from './lib/entities/audit-chain-checkpoint.entity';
import { AuditEventEntity } from './lib/entities/audit-event.entity';

export * from './lib/audit.module';
export * from './lib/audit.service';
export * from './lib/audit-retention';
export * from './lib/entities/audit-event.entity';
export * from './lib/entities/audit-chain-checkpoint.entity';
export { GENESIS_HASH, chainLockKey, hashEvent, type ChainedEvent } from './lib/hash-chain';

/** The tables this module owns, listed for the application's data source (no globs). */
export const AUDIT_ENTITIES = [AuditEventEntity, AuditChainCheckpointEntity];

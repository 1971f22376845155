import { SupportTicketEntity } from './lib/entities/support-ticket.entity';

export * from './lib/support.module';
export * from './lib/entities/support-ticket.entity';
export * from './lib/dto/support-ticket.dto';
export { findSecretShapes, TICKET_SECRET_KINDS, type TicketSecretKind } from './lib/ticket-secrets';
export { TICKET_CREATION_LIMIT, ticketCreationBucket } from './lib/support-tickets.service';

/** The tables this module owns, listed for the application's data source (no globs). */
export const SUPPORT_ENTITIES = [SupportTicketEntity];
export { SUPPORT_AUDIT_EVENTS } from './lib/audit-events';

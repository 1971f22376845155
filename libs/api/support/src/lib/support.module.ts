import { Module } from '@nestjs/common';
import { SupportTicketRepository } from './support-ticket.repository';
import { SupportTicketsController } from './support-tickets.controller';
import { SupportTicketsService } from './support-tickets.service';

/** Support tickets. Uses the global RateLimiter and the AUDIT_RECORDER port from api-core. */
@Module({
  controllers: [SupportTicketsController],
  providers: [SupportTicketsService, SupportTicketRepository],
})
export class SupportModule {}

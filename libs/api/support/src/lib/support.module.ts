import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TenancyModule } from '@aidial/api/tenancy';
import { SupportTicketEntity } from './entities/support-ticket.entity';
import { SupportTicketRepository } from './support-ticket.repository';
import { SupportTicketsController } from './support-tickets.controller';
import { SupportTicketsService } from './support-tickets.service';

/**
 * Support tickets. Owns `support_ticket`; asks tenancy for its authors' names. Uses the global RateLimiter and the
 * AUDIT_RECORDER port from api-core.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SupportTicketEntity]), TenancyModule],
  controllers: [SupportTicketsController],
  providers: [SupportTicketsService, SupportTicketRepository],
})
export class SupportModule {}

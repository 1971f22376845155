import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AccessContext } from '@aidial/api/core';
import { canPerform } from '@aidial/shared/access';
import { type EntityManager, Repository } from 'typeorm';
import type { SupportTicketListScope } from './dto/support-ticket.dto';
import { type SupportTicketCategory, SupportTicketEntity } from './entities/support-ticket.entity';

/** The administrators of a tenant see all of its tickets (`support.view_all`); everyone else sees their own. */
export function ticketListScope(context: AccessContext): SupportTicketListScope {
  return canPerform(context.role, 'support.view_all') ? 'tenant' : 'own';
}

export const LIST_LIMIT = 200;

/**
 * The only place that reads or writes `support_ticket`. The tenant is always the caller's own tenant from the access
 * context (a partner's tickets are the partner's, whichever client is selected), never an id from the request.
 */
@Injectable()
export class SupportTicketRepository {
  constructor(@InjectRepository(SupportTicketEntity) private readonly tickets: Repository<SupportTicketEntity>) {}

  async list(context: AccessContext): Promise<SupportTicketEntity[]> {
    const ownOnly = ticketListScope(context) === 'own';
    return this.tickets.find({
      where: { tenantId: context.tenant.id, ...(ownOnly ? { userId: context.userId } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: LIST_LIMIT,
    });
  }

  async insert(
    manager: EntityManager,
    context: AccessContext,
    ticket: { category: SupportTicketCategory; subject: string; body: string },
  ): Promise<SupportTicketEntity> {
    return manager.withRepository(this.tickets).save(
      manager.withRepository(this.tickets).create({
        tenantId: context.tenant.id,
        userId: context.userId,
        category: ticket.category,
        subject: ticket.subject,
        body: ticket.body,
      }),
    );
  }
}

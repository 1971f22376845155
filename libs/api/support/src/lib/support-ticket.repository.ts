import { Inject, Injectable } from '@nestjs/common';
import type { AccessContext } from '@aidial/api/core';
import type { Role } from '@aidial/shared/access';
import { DataSource, type EntityManager } from 'typeorm';
import type { SupportTicketListScope } from './dto/support-ticket.dto';
import type { SupportTicketCategory, SupportTicketStatus } from './entities/support-ticket.entity';

export interface SupportTicketRow {
  id: string;
  user_id: string;
  category: SupportTicketCategory;
  subject: string;
  body: string;
  status: SupportTicketStatus;
  created_at: Date;
  created_by_name: string | null;
}

/** The administrators of a tenant see all of its tickets; everyone else sees their own (docs/support.md). */
const TENANT_WIDE_ROLES: ReadonlySet<Role> = new Set<Role>(['client_admin', 'partner_admin']);

export function ticketListScope(context: AccessContext): SupportTicketListScope {
  return TENANT_WIDE_ROLES.has(context.role) ? 'tenant' : 'own';
}

export const LIST_LIMIT = 200;

const SELECT_TICKETS = `
  SELECT t.id, t.user_id, t.category, t.subject, t.body, t.status, t.created_at,
         coalesce(u.display_name, u.email) AS created_by_name
    FROM support_ticket t
    JOIN portal_user u ON u.id = t.user_id`;

/**
 * The only place that reads or writes `support_ticket`. The tenant is always the caller's own tenant from the access
 * context (a partner's tickets are the partner's, whichever client is selected), never an id from the request.
 */
@Injectable()
export class SupportTicketRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(context: AccessContext): Promise<SupportTicketRow[]> {
    const ownOnly = ticketListScope(context) === 'own';
    return (await this.dataSource.query(
      `${SELECT_TICKETS}
        WHERE t.tenant_id = $1 AND ($2::uuid IS NULL OR t.user_id = $2::uuid)
        ORDER BY t.created_at DESC, t.id DESC
        LIMIT ${LIST_LIMIT}`,
      [context.tenant.id, ownOnly ? context.userId : null],
    )) as SupportTicketRow[];
  }

  async insert(
    manager: EntityManager,
    context: AccessContext,
    ticket: { category: SupportTicketCategory; subject: string; body: string },
  ): Promise<SupportTicketRow> {
    const [row] = (await manager.query(
      `WITH inserted AS (
         INSERT INTO support_ticket (tenant_id, user_id, category, subject, body)
         VALUES ($1, $2, $3, $4, $5)
         RETURNING id, user_id, category, subject, body, status, created_at)
       SELECT i.*, coalesce(u.display_name, u.email) AS created_by_name
         FROM inserted i JOIN portal_user u ON u.id = i.user_id`,
      [context.tenant.id, context.userId, ticket.category, ticket.subject, ticket.body],
    )) as SupportTicketRow[];
    if (!row) throw new Error('support ticket insert returned no row');
    return row;
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type AccessContext,
  ApiError,
  AUDIT_RECORDER,
  type AuditRecorder,
  type RateLimitBucket,
  RateLimiter,
} from '@aidial/api/core';
import { type PortalUserNames, PortalUserDirectory } from '@aidial/api/tenancy';
import { DataSource } from 'typeorm';
import type { CreateSupportTicketDto, SupportTicketDto, SupportTicketListDto } from './dto/support-ticket.dto';
import type { SupportTicketEntity } from './entities/support-ticket.entity';
import { SupportTicketRepository, ticketListScope } from './support-ticket.repository';
import { TICKET_SECRET_MESSAGES, type TicketSecretKind, findSecretShapes } from './ticket-secrets';

/** Ticket creation per person: 5 in 10 minutes (docs/rate-limits.md). Refused tickets count too. */
export const TICKET_CREATION_LIMIT = { name: 'support.ticket.create', limit: 5, windowSeconds: 600 } as const;

export function ticketCreationBucket(userId: string): RateLimitBucket {
  return { ...TICKET_CREATION_LIMIT, key: userId };
}

const RATE_LIMITED_MESSAGE = 'You have opened several support tickets in a short time. Try again in a few minutes.';

function toDto(ticket: SupportTicketEntity, names: PortalUserNames, context: AccessContext): SupportTicketDto {
  const author = names.get(ticket.userId);
  return {
    id: ticket.id,
    category: ticket.category,
    subject: ticket.subject,
    body: ticket.body,
    status: ticket.status,
    created_at: ticket.createdAt.toISOString(),
    created_by_id: ticket.userId,
    created_by_name: author?.displayName ?? author?.email ?? null,
    is_yours: ticket.userId === context.userId,
  };
}

/**
 * Support tickets (section `support`): list, and create after the rate limit and the secret check. A ticket and its
 * audit event are written in one transaction; a refused ticket writes only its refusal event (the kind of secret,
 * never the value).
 */
@Injectable()
export class SupportTicketsService {
  private readonly logger = new Logger('Support');

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly tickets: SupportTicketRepository,
    private readonly limiter: RateLimiter,
    private readonly users: PortalUserDirectory,
    @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder,
  ) {}

  async list(context: AccessContext): Promise<SupportTicketListDto> {
    const tickets = await this.tickets.list(context);
    const names = await this.users.names(tickets.map((ticket) => ticket.userId));
    return { items: tickets.map((ticket) => toDto(ticket, names, context)), scope: ticketListScope(context) };
  }

  async create(context: AccessContext, request: CreateSupportTicketDto): Promise<SupportTicketDto> {
    // Counted before the secret check, so the check cannot be probed without limit.
    await this.limiter.enforce(ticketCreationBucket(context.userId), { message: RATE_LIMITED_MESSAGE });
    const found = {
      subject: findSecretShapes(request.subject),
      body: findSecretShapes(request.body),
    };
    const kinds = [...new Set([...found.subject, ...found.body])];
    if (kinds.length > 0) {
      await this.recordRefusal(request, kinds);
      throw new ApiError('ticket_contains_secret', {
        fields: (['subject', 'body'] as const).flatMap((field) =>
          found[field].map((kind) => ({ field, message: TICKET_SECRET_MESSAGES[kind] })),
        ),
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const ticket = await this.tickets.insert(manager, context, request);
      await this.audit.record(
        {
          action: 'support.ticket.created',
          outcome: 'success',
          targetId: ticket.id,
          details: { category: ticket.category },
        },
        { manager },
      );
      const names = await this.users.names([ticket.userId], manager);
      return toDto(ticket, names, context);
    });
  }

  /** A refusal changes nothing, so a failure to record it is logged and the refusal goes out as it would have. */
  private async recordRefusal(request: CreateSupportTicketDto, kinds: TicketSecretKind[]): Promise<void> {
    try {
      await this.audit.record({
        action: 'support.ticket.refused',
        outcome: 'denied',
        targetId: null,
        details: { category: request.category, reason: kinds.join(',') },
      });
    } catch (error) {
      this.logger.warn({ err: error, event: 'audit.record_failed', action: 'support.ticket.refused' });
    }
  }
}

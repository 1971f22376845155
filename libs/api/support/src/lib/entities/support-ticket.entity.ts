import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export const SUPPORT_TICKET_CATEGORIES = ['account', 'access', 'other'] as const;
export type SupportTicketCategory = (typeof SUPPORT_TICKET_CATEGORIES)[number];
export const SUPPORT_TICKET_STATUSES = ['open', 'closed'] as const;
export type SupportTicketStatus = (typeof SUPPORT_TICKET_STATUSES)[number];
export const SUBJECT_MAX_LENGTH = 200;
export const BODY_MAX_LENGTH = 5000;

/**
 * A support ticket of one person in one tenant (DESIGN.md §4). `account` is the profile-update request of spec/04;
 * `access` is for sign-in, MFA and permissions; `other` for the rest. Never holds a secret: tickets that look like
 * they do are refused before anything is written (ticket-secrets.ts).
 */
@Entity({ name: 'support_ticket' })
@Index('support_ticket_tenant_idx', ['tenantId', 'createdAt'])
@Index('support_ticket_user_idx', ['userId', 'tenantId', 'createdAt'])
@Check('support_ticket_category_check', `"category" IN ('account', 'access', 'other')`)
@Check('support_ticket_status_check', `"status" IN ('open', 'closed')`)
@Check('support_ticket_subject_check', `char_length("subject") BETWEEN 1 AND 200`)
@Check('support_ticket_body_check', `char_length("body") BETWEEN 1 AND 5000`)
export class SupportTicketEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  // Related by entity name: the tenancy module owns these tables, and features do not import each other.
  @ManyToOne('TenantEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'support_ticket_tenant_fk' })
  tenant?: unknown;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne('PortalUserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'support_ticket_user_fk' })
  user?: unknown;

  @Column({ type: 'text' })
  category!: SupportTicketCategory;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text', default: 'open' })
  status!: SupportTicketStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

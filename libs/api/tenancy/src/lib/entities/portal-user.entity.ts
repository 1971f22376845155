import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { MfaPolicy } from './tenant.entity';

export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/**
 * A person known to the identity provider. Email and display name are read-only copies of what the IdP last said;
 * the portal never edits them (spec/04, "Ownership Matrix").
 */
@Entity({ name: 'portal_user' })
@Unique('portal_user_idp_subject_key', ['idpSubject'])
@Check('portal_user_status_check', `"status" IN ('active', 'disabled')`)
@Check('portal_user_mfa_policy_check', `"mfa_policy" IN ('role_default', 'required')`)
export class PortalUserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'idp_subject', type: 'text' })
  idpSubject!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ name: 'display_name', type: 'text', nullable: true })
  displayName!: string | null;

  @Column({ type: 'text', default: 'active' })
  status!: UserStatus;

  @Column({ name: 'mfa_policy', type: 'text', default: 'role_default' })
  mfaPolicy!: MfaPolicy;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

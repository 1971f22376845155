import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { MfaFactor, RecoveryCodeState } from '@aidial/shared/access';

/**
 * One user's recovery-code lifecycle (docs/mfa.md): a random marker that changes at every transition, so an
 * acknowledgement made from a stale page is refused, and the state the portal shows. No secret is kept here.
 */
@Entity({ name: 'mfa_lifecycle' })
@Check('mfa_lifecycle_recovery_codes_check', `"recovery_codes" IN ('none', 'ack_required', 'acknowledged', 'reminder')`)
export class MfaLifecycleEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne('PortalUserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'mfa_lifecycle_user_fk' })
  user?: unknown;

  @Column({ type: 'text' })
  marker!: string;

  @Column({ name: 'recovery_codes', type: 'text' })
  recoveryCodes!: RecoveryCodeState;

  /** Whether the user was enrolled when last seen (at a sign-in whose enrolment was known): re-enablement shows as false → true. */
  @Column({ type: 'boolean' })
  enrolled!: boolean;

  /**
   * The second factors the provider listed at the last sign-in whose enrolment was known (recovery codes aside), so the
   * next one can tell that they changed (docs/sessions.md, "Factor changes"). Null until first known.
   */
  @Column({ name: 'known_factors', type: 'text', array: true, nullable: true })
  knownFactors!: MfaFactor[] | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

export const MFA_ENTITIES = [MfaLifecycleEntity];

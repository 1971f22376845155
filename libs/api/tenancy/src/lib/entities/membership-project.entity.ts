import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MembershipEntity } from './membership.entity';
import { ProjectEntity } from './project.entity';

/** The projects a `selected`-scope membership may see. */
@Entity({ name: 'membership_project' })
@Index('membership_project_project_idx', ['projectId'])
export class MembershipProjectEntity {
  @PrimaryColumn({ name: 'membership_id', type: 'uuid' })
  membershipId!: string;

  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => MembershipEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'membership_id', foreignKeyConstraintName: 'membership_project_membership_fk' })
  membership?: MembershipEntity;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'membership_project_project_fk' })
  project?: ProjectEntity;
}

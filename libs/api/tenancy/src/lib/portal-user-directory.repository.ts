import { Injectable } from '@nestjs/common';
import { NamedStatements } from '@aidial/api/core';
import { DIRECTORY_NAMES } from './portal-user-directory.statements';

/** A row of DIRECTORY_NAMES: one person, tenant or pending invitation. */
export interface DirectoryNameRow {
  readonly kind: 'user' | 'tenant' | 'invitation';
  readonly id: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly tenant_id: string | null;
}

/** The PortalUserDirectory's batched read over this module's tables (people, tenants, invitations) by id. */
@Injectable()
export class PortalUserDirectoryRepository {
  constructor(private readonly statements: NamedStatements) {}

  /** Named (a per-request read of the Audit Log): one statement whatever the number of ids. */
  names(
    userIds: readonly string[],
    tenantIds: readonly string[],
    invitationIds: readonly string[],
  ): Promise<DirectoryNameRow[]> {
    return this.statements.query<DirectoryNameRow>(DIRECTORY_NAMES, [userIds, tenantIds, invitationIds]);
  }
}

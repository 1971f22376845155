import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PortalUserRepository } from './portal-user.repository';

/** What the identity provider said about a person at sign-in. */
export interface IdentityClaims {
  readonly subject: string;
  readonly email: string | null;
  /** Whether the provider vouches for the email address; only a verified address can accept a Team invitation. */
  readonly emailVerified: boolean;
  readonly displayName: string | null;
}

/**
 * Portal users are known by their IdP subject. Email and display name are read-only copies refreshed at every
 * sign-in; a subject seen for the first time becomes a user with no membership (and so no access) until one is given,
 * either by the admin area or by a Team invitation to their verified email address, accepted here at sign-in.
 */
@Injectable()
export class PortalUserService {
  constructor(
    private readonly users: PortalUserRepository,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async recordSignIn(claims: IdentityClaims): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const id = await this.users.upsertBySubject(manager, claims);
      if (claims.email && claims.emailVerified) await this.users.acceptInvitations(manager, id, claims.email);
      return id;
    });
  }
}

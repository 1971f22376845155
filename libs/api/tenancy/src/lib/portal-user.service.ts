import { Inject, Injectable } from '@nestjs/common';
import { type IdentityClaims, type UserDirectory } from '@aidial/api/core';
import { DataSource } from 'typeorm';

/**
 * Portal users are known by their IdP subject. Email and display name are read-only copies refreshed at every
 * sign-in; a subject seen for the first time becomes a user with no membership (and so no access) until one is given,
 * either by the admin area or by a Team invitation to their verified email address, accepted here at sign-in.
 */
@Injectable()
export class PortalUserService implements UserDirectory {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async recordSignIn(claims: IdentityClaims): Promise<string> {
    return this.dataSource.transaction(async (db) => {
      const rows = (await db.query(
        `INSERT INTO portal_user (idp_subject, email, display_name)
         VALUES ($1, $2, $3)
         ON CONFLICT (idp_subject) DO UPDATE SET email = EXCLUDED.email, display_name = EXCLUDED.display_name, updated_at = now()
         RETURNING id`,
        [claims.subject, claims.email, claims.displayName],
      )) as Array<{ id: string }>;
      const id = rows[0]?.id;
      if (!id) throw new Error('portal_user upsert returned no row');
      if (claims.email && claims.emailVerified) {
        // An invitation becomes a membership once; a tenant the user already belongs to keeps its existing role.
        await db.query(
          `WITH accepted AS (
             DELETE FROM membership_invitation WHERE email = lower($2) RETURNING tenant_id, role, created_at
           )
           INSERT INTO membership (user_id, tenant_id, role)
           SELECT $1, tenant_id, role FROM accepted ORDER BY created_at
           ON CONFLICT (user_id, tenant_id) DO NOTHING`,
          [id, claims.email],
        );
      }
      return id;
    });
  }
}

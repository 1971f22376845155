import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';

/** tools/demo/seed.json, the demo data shared with apps/dev-idp (same user subjects). */
interface DemoSeed {
  tenants: Array<{
    key: string;
    name: string;
    kind: string;
    status: string;
    managingPartner: string | null;
    features: Record<string, boolean>;
    mfaPolicy: string;
    projects: Array<{ key: string; name: string; status: string }>;
  }>;
  users: Array<{
    sub: string;
    email: string;
    displayName: string;
    /** Null with `role` null: an identity with no membership yet (it can accept a Team invitation at sign-in). */
    tenant: string | null;
    role: string | null;
    projects: 'all' | string[] | null;
  }>;
}

/** Stable ids from the seed's keys, so running the seed again updates rows instead of adding new ones. */
function demoId(kind: string, key: string): string {
  const hex = createHash('sha256').update(`aidial-demo:${kind}:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Writes the demo tenants, projects, users and memberships; idempotent. For `npm start` and the tests, never production. */
export async function seedDemoData(dataSource: DataSource, seed: DemoSeed): Promise<void> {
  await dataSource.transaction(async (db) => {
    const ordered = [...seed.tenants].sort(
      (a, b) => Number(a.managingPartner !== null) - Number(b.managingPartner !== null),
    );
    for (const tenant of ordered) {
      await db.query(
        `INSERT INTO tenant (id, kind, name, status, managing_partner_id, feature_flags, mfa_policy) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET kind = $2, name = $3, status = $4, managing_partner_id = $5, feature_flags = $6, mfa_policy = $7, updated_at = now()`,
        [
          demoId('tenant', tenant.key),
          tenant.kind,
          tenant.name,
          tenant.status,
          tenant.managingPartner ? demoId('tenant', tenant.managingPartner) : null,
          JSON.stringify(tenant.features),
          tenant.mfaPolicy,
        ],
      );
      for (const project of tenant.projects) {
        await db.query(
          `INSERT INTO project (id, tenant_id, name, status) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO UPDATE SET name = $3, status = $4`,
          [demoId('project', project.key), demoId('tenant', tenant.key), project.name, project.status],
        );
      }
    }
    for (const user of seed.users) {
      const [{ id: userId }] = (await db.query(
        `INSERT INTO portal_user (idp_subject, email, display_name) VALUES ($1, $2, $3)
         ON CONFLICT (idp_subject) DO UPDATE SET email = $2, display_name = $3, updated_at = now() RETURNING id`,
        [user.sub, user.email, user.displayName],
      )) as Array<{ id: string }>;
      if (user.tenant === null || user.role === null) continue;
      const [{ id: membershipId }] = (await db.query(
        `INSERT INTO membership (user_id, tenant_id, role, project_scope) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, tenant_id) DO UPDATE SET role = $3, project_scope = $4 RETURNING id`,
        [userId, demoId('tenant', user.tenant), user.role, Array.isArray(user.projects) ? 'selected' : 'all'],
      )) as Array<{ id: string }>;
      await db.query(`DELETE FROM membership_project WHERE membership_id = $1`, [membershipId]);
      if (Array.isArray(user.projects)) {
        for (const project of user.projects) {
          await db.query(`INSERT INTO membership_project (membership_id, project_id) VALUES ($1, $2)`, [
            membershipId,
            demoId('project', project),
          ]);
        }
      }
    }
  });
}

/** `node dist/apps/api/demo-seed.js [seed.json]`: DATABASE_URL must be migrated already. */
async function main(): Promise<void> {
  const url = process.env['DATABASE_URL']?.trim();
  if (!url) {
    process.stderr.write('DATABASE_URL is required but not set\n');
    process.exit(1);
  }
  const seed = JSON.parse(readFileSync(process.argv[2] ?? 'tools/demo/seed.json', 'utf8')) as DemoSeed;
  const dataSource = await createDataSource(url).initialize();
  try {
    await seedDemoData(dataSource, seed);
    process.stdout.write(`demo data: ${seed.tenants.length} tenants, ${seed.users.length} users\n`);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`demo seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

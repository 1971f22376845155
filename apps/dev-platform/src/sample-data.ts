import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The demo seed's tenants and projects (tools/demo/seed.json), under the ids the API's demo seed gives them. */
export interface SeedTenant {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly kind: 'customer' | 'partner' | 'internal';
  readonly managingPartnerId: string | null;
  readonly projects: ReadonlyArray<{ readonly id: string; readonly key: string; readonly name: string }>;
}

/** The API's demo seed derives its ids the same way (apps/api/src/database/demo-seed.ts), so both sides agree. */
export function demoId(kind: string, key: string): string {
  const hex = createHash('sha256').update(`aidial-demo:${kind}:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function loadTenants(seedFile: string): Map<string, SeedTenant> {
  const seed = JSON.parse(readFileSync(seedFile, 'utf8')) as {
    tenants: Array<{
      key: string;
      name: string;
      kind: SeedTenant['kind'];
      managingPartner: string | null;
      projects: Array<{ key: string; name: string }>;
    }>;
  };
  return new Map(
    seed.tenants.map((tenant) => {
      const id = demoId('tenant', tenant.key);
      return [
        id,
        {
          id,
          key: tenant.key,
          name: tenant.name,
          kind: tenant.kind,
          managingPartnerId: tenant.managingPartner ? demoId('tenant', tenant.managingPartner) : null,
          projects: tenant.projects.map((project) => ({
            id: demoId('project', project.key),
            key: project.key,
            name: project.name,
          })),
        },
      ];
    }),
  );
}

/** A number from 0 to n-1, the same for the same words on every run. */
function pick(n: number, ...words: string[]): number {
  return createHash('sha256').update(words.join(':')).digest().readUInt32BE(0) % n;
}

/** Every sample date is relative to this instant, so answers are the same on every run. */
const BASE = Date.parse('2026-11-20T09:00:00Z');
const CALLS_PER_PROJECT = 12;
const CENTS_PER_MINUTE = 18;
const OUTCOMES = ['answered', 'answered', 'answered', 'voicemail', 'no_answer', 'failed'] as const;
const CAMPAIGN_STATUSES = ['draft', 'running', 'paused', 'completed'] as const;

export interface Call {
  readonly id: string;
  readonly project_id: string;
  readonly started_at: string;
  readonly direction: 'inbound' | 'outbound';
  readonly duration_seconds: number;
  readonly outcome: (typeof OUTCOMES)[number];
}

export function callsOf(projects: SeedTenant['projects']): Call[] {
  return projects
    .flatMap((project) =>
      Array.from({ length: CALLS_PER_PROJECT }, (_, index) => {
        const outcome = OUTCOMES[pick(OUTCOMES.length, project.key, 'outcome', String(index))] ?? 'answered';
        return {
          id: `call_${createHash('sha256').update(`${project.key}:${index}`).digest('hex').slice(0, 16)}`,
          project_id: project.id,
          started_at: new Date(BASE - (index * 3 + pick(3, project.key, String(index))) * 3_600_000).toISOString(),
          direction: index % 2 === 0 ? ('outbound' as const) : ('inbound' as const),
          duration_seconds: outcome === 'answered' ? 30 + pick(600, project.key, 'duration', String(index)) : 0,
          outcome,
        };
      }),
    )
    .sort((a, b) => b.started_at.localeCompare(a.started_at) || a.id.localeCompare(b.id));
}

export function summaryOf(call: Call): string {
  return call.outcome === 'answered'
    ? `Spoke with the contact for ${Math.ceil(call.duration_seconds / 60)} min; follow-up noted.`
    : `No conversation (${call.outcome.replace('_', ' ')}).`;
}

export function billingOf(projects: SeedTenant['projects']) {
  const calls = callsOf(projects);
  const perProject = projects.map((project) => {
    const own = calls.filter((call) => call.project_id === project.id);
    const minutes = own.reduce((sum, call) => sum + Math.ceil(call.duration_seconds / 60), 0);
    return { project_id: project.id, calls: own.length, minutes, amount_cents: minutes * CENTS_PER_MINUTE };
  });
  const minutes = perProject.reduce((sum, row) => sum + row.minutes, 0);
  return {
    period: '2026-11',
    currency: 'AUD',
    calls: calls.length,
    minutes,
    amount_cents: minutes * CENTS_PER_MINUTE,
    projects: perProject,
  };
}

export function campaignsOf(projects: SeedTenant['projects']) {
  return projects.flatMap((project) =>
    [1, 2].map((wave) => {
      const contacts = 100 + pick(900, project.key, 'contacts', String(wave));
      const status = CAMPAIGN_STATUSES[pick(CAMPAIGN_STATUSES.length, project.key, 'status', String(wave))] ?? 'draft';
      return {
        id: `cmp_${createHash('sha256').update(`${project.key}:campaign:${wave}`).digest('hex').slice(0, 12)}`,
        project_id: project.id,
        name: `${project.name} — wave ${wave}`,
        status,
        contacts,
        completed:
          status === 'completed' ? contacts : status === 'draft' ? 0 : pick(contacts, project.key, String(wave)),
      };
    }),
  );
}

export function capacityOf(tenant: SeedTenant) {
  const platform = tenant.kind === 'internal';
  const lines = platform ? 500 : 20 + pick(30, tenant.key, 'lines');
  return {
    scope: platform ? ('platform' as const) : ('tenant' as const),
    concurrent_lines: lines,
    in_use: pick(lines, tenant.key, 'in_use'),
    queued: pick(5, tenant.key, 'queued'),
    updated_at: new Date(BASE).toISOString(),
  };
}

export function dashboardOf(projects: SeedTenant['projects']) {
  const calls = callsOf(projects);
  const today = calls.filter((call) => call.started_at.startsWith('2026-11-20'));
  const answered = today.filter((call) => call.outcome === 'answered').length;
  return {
    calls_today: today.length,
    answered_rate: today.length === 0 ? 0 : Math.round((answered / today.length) * 100) / 100,
    minutes_this_month: billingOf(projects).minutes,
    active_campaigns: campaignsOf(projects).filter((campaign) => campaign.status === 'running').length,
  };
}

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

/** A stable id: `prefix_` and the first `length` hex digits of the words' hash. */
function idOf(prefix: string, length: number, ...words: string[]): string {
  return `${prefix}_${createHash('sha256').update(words.join(':')).digest('hex').slice(0, length)}`;
}

const HOUR = 3_600_000;
const CALLS_PER_PROJECT = 12;
/** The newest calls of each project are today's: the dashboard's "calls today" counts exactly these. */
const CALLS_TODAY_PER_PROJECT = 3;
const CENTS_PER_MINUTE = 18;
const OUTCOMES = ['answered', 'answered', 'answered', 'voicemail', 'no_answer', 'failed'] as const;
const CAMPAIGN_STATUSES = ['draft', 'running', 'paused', 'completed'] as const;

/*
 * Time. Every sample date is placed relative to one instant, "now" (the process's start, moved on when the calendar
 * day changes: server.ts), in the process's own time zone, which is the demo machine's and its browser's. So the
 * figures agree with the lists: the calls counted as today are dated today, this month's minutes are the minutes of
 * calls dated this month, an active discount runs across today.
 */

/** Midnight of `at`'s calendar day, `days` days later (negative: earlier), in the process's time zone. */
export function startOfDay(at: Date, days = 0): Date {
  return new Date(at.getFullYear(), at.getMonth(), at.getDate() + days);
}

/** `YYYY-MM` of `at`, in the process's time zone. */
export function monthOf(at: Date): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` of `at`, in the process's time zone. */
export function dayOf(at: Date): string {
  return `${monthOf(at)}-${String(at.getDate()).padStart(2, '0')}`;
}

/**
 * A sample instant `daysAgo` days before `now`: today's (0) fall between midnight and `now`, `share` of the way (0–1,
 * exclusive); earlier days' in working hours, at a time picked from the words.
 */
function sampleTime(now: Date, daysAgo: number, share: number, ...words: string[]): Date {
  if (daysAgo === 0) {
    const midnight = startOfDay(now).getTime();
    return new Date(midnight + Math.floor((now.getTime() - midnight) * share));
  }
  const day = startOfDay(now, -daysAgo);
  return new Date(day.getTime() + (8 + pick(10, ...words)) * HOUR + pick(60, ...words, 'minute') * 60_000);
}

export interface Call {
  readonly id: string;
  readonly project_id: string;
  readonly started_at: string;
  readonly direction: 'inbound' | 'outbound';
  readonly duration_seconds: number;
  readonly outcome: (typeof OUTCOMES)[number];
}

/**
 * Twelve calls per project, newest first: three today (before `now`), then two a day on the five days before.
 */
export function callsOf(projects: SeedTenant['projects'], now: Date): Call[] {
  return projects
    .flatMap((project) =>
      Array.from({ length: CALLS_PER_PROJECT }, (_, index) => {
        const outcome = OUTCOMES[pick(OUTCOMES.length, project.key, 'outcome', String(index))] ?? 'answered';
        const today = index < CALLS_TODAY_PER_PROJECT;
        const startedAt = today
          ? sampleTime(now, 0, 1 - (index + 1) / (CALLS_TODAY_PER_PROJECT + 1))
          : sampleTime(now, 1 + Math.floor((index - CALLS_TODAY_PER_PROJECT) / 2), 0, project.key, String(index));
        return {
          id: idOf('call', 16, `${project.key}:${index}`),
          project_id: project.id,
          started_at: startedAt.toISOString(),
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

/** Usage and charges of the calls dated in `period` (`YYYY-MM`; this month by default). */
export function billingOf(projects: SeedTenant['projects'], now: Date, period = monthOf(now)) {
  const calls = callsOf(projects, now).filter((call) => monthOf(new Date(call.started_at)) === period);
  const perProject = projects.map((project) => {
    const own = calls.filter((call) => call.project_id === project.id);
    const minutes = own.reduce((sum, call) => sum + Math.ceil(call.duration_seconds / 60), 0);
    return { project_id: project.id, calls: own.length, minutes, amount_cents: minutes * CENTS_PER_MINUTE };
  });
  const minutes = perProject.reduce((sum, row) => sum + row.minutes, 0);
  return {
    period,
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
        id: idOf('cmp', 12, `${project.key}:campaign:${wave}`),
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

export function capacityOf(tenant: SeedTenant, now: Date) {
  const platform = tenant.kind === 'internal';
  const lines = platform ? 500 : 20 + pick(30, tenant.key, 'lines');
  return {
    scope: platform ? ('platform' as const) : ('tenant' as const),
    concurrent_lines: lines,
    in_use: pick(lines, tenant.key, 'in_use'),
    queued: pick(5, tenant.key, 'queued'),
    updated_at: now.toISOString(),
  };
}

export function dashboardOf(projects: SeedTenant['projects'], now: Date) {
  const midnight = startOfDay(now).getTime();
  const today = callsOf(projects, now).filter((call) => Date.parse(call.started_at) >= midnight);
  const answered = today.filter((call) => call.outcome === 'answered').length;
  return {
    calls_today: today.length,
    answered_rate: today.length === 0 ? 0 : Math.round((answered / today.length) * 100) / 100,
    minutes_this_month: billingOf(projects, now).minutes,
    active_campaigns: campaignsOf(projects).filter((campaign) => campaign.status === 'running').length,
  };
}

/*
 * Compliance: the checks the platform applies before it dials (Australia's Do Not Call Register Act 2006 and the
 * telemarketing industry standard's calling hours), and each customer's settings for them.
 */
const COMPLIANCE_DAYS = 7;
const COMPLIANCE_NOTES = {
  do_not_call: {
    cleared: 'Not on the Do Not Call Register or your do-not-call list.',
    blocked: 'On the Do Not Call Register; not dialled.',
  },
  consent: { cleared: 'Consent on record for this contact.', blocked: 'No consent on record; not dialled.' },
  calling_hours: { held: 'Outside permitted calling hours; moved to the next permitted time.' },
} as const;

export type ComplianceRule = keyof typeof COMPLIANCE_NOTES;
export type ComplianceResult = 'cleared' | 'blocked' | 'held';

export interface ComplianceRecord {
  readonly id: string;
  readonly project_id: string;
  readonly checked_at: string;
  readonly rule: ComplianceRule;
  readonly result: ComplianceResult;
  /** The call it cleared; null when nothing was dialled (blocked) or not yet (held). */
  readonly call_id: string | null;
  readonly note: string;
}

/**
 * The checks of the last seven days, newest first: every outbound call was cleared against the do-not-call lists and
 * for consent a minute before it was dialled; on some days, per project, a number blocked by the Register, and a
 * contact held back by calling hours or blocked for lack of consent.
 */
export function complianceRecordsOf(projects: SeedTenant['projects'], now: Date): ComplianceRecord[] {
  const since = startOfDay(now, -(COMPLIANCE_DAYS - 1)).getTime();
  const cleared = callsOf(projects, now)
    .filter((call) => call.direction === 'outbound' && Date.parse(call.started_at) >= since)
    .flatMap((call) =>
      (['do_not_call', 'consent'] as const).map((rule) => ({
        id: idOf('chk', 16, call.id, rule),
        project_id: call.project_id,
        checked_at: new Date(Date.parse(call.started_at) - 60_000).toISOString(),
        rule,
        result: 'cleared' as const,
        call_id: call.id,
        note: COMPLIANCE_NOTES[rule].cleared,
      })),
    );
  const stopped = projects.flatMap((project) =>
    Array.from({ length: COMPLIANCE_DAYS }, (_, daysAgo) => {
      const day = String(daysAgo);
      const extra = (['calling_hours', 'consent', null] as const)[pick(3, project.key, 'extra', day)];
      const record = (rule: ComplianceRule, result: ComplianceResult, share: number): ComplianceRecord => ({
        id: idOf('chk', 16, project.key, day, rule, result),
        project_id: project.id,
        checked_at: sampleTime(now, daysAgo, share, project.key, day, rule).toISOString(),
        rule,
        result,
        call_id: null,
        note: rule === 'calling_hours' ? COMPLIANCE_NOTES.calling_hours.held : COMPLIANCE_NOTES[rule].blocked,
      });
      return [
        ...(pick(2, project.key, 'register', day) === 0 ? [record('do_not_call', 'blocked', 0.3)] : []),
        ...(extra ? [record(extra, extra === 'calling_hours' ? 'held' : 'blocked', 0.6)] : []),
      ];
    }).flat(),
  );
  return [...cleared, ...stopped].sort((a, b) => b.checked_at.localeCompare(a.checked_at) || a.id.localeCompare(b.id));
}

/** The checks in scope, with the totals of every check in scope (before the `result` filter), and since when. */
export function complianceOf(
  projects: SeedTenant['projects'],
  now: Date,
  filters: { readonly projectId: string | null; readonly result: string | null },
) {
  const inProject = complianceRecordsOf(projects, now).filter(
    (record) => !filters.projectId || record.project_id === filters.projectId,
  );
  const count = (result: ComplianceResult) => inProject.filter((record) => record.result === result).length;
  return {
    since: startOfDay(now, -(COMPLIANCE_DAYS - 1)).toISOString(),
    totals: { checked: inProject.length, cleared: count('cleared'), blocked: count('blocked'), held: count('held') },
    items: inProject.filter((record) => !filters.result || record.result === filters.result),
  };
}

const TIME_ZONES = ['Australia/Sydney', 'Australia/Melbourne', 'Australia/Brisbane', 'Australia/Perth'] as const;

/**
 * A customer's compliance settings (Compliance administration): calling hours as the telemarketing industry standard
 * sets them (weekdays 9 am–8 pm, Saturdays 9 am–5 pm, never on Sundays or national public holidays), the do-not-call
 * lists and consent sources checked, and the exceptions that apply to its projects in scope.
 */
export function complianceSettingsOf(customer: SeedTenant, projects: SeedTenant['projects'], now: Date) {
  const updated = (what: string) => sampleTime(now, 1 + pick(20, customer.key, what), 0, customer.key, what);
  return {
    time_zone: TIME_ZONES[pick(TIME_ZONES.length, customer.key, 'time_zone')] ?? 'Australia/Sydney',
    calling_hours: [
      { days: 'weekdays', from: '09:00', to: '20:00' },
      { days: 'saturday', from: '09:00', to: '17:00' },
      { days: 'sunday', from: null, to: null },
      { days: 'public_holidays', from: null, to: null },
    ],
    do_not_call_lists: [
      {
        id: idOf('dnc', 12, customer.key, 'register'),
        name: 'Do Not Call Register (ACMA)',
        source: 'national_register',
        entries: 12_400_000 + pick(400_000, customer.key, 'register'),
        updated_at: startOfDay(now).toISOString(),
      },
      {
        id: idOf('dnc', 12, customer.key, 'own'),
        name: `${customer.name} opt-outs`,
        source: 'organisation',
        entries: 40 + pick(400, customer.key, 'opt-outs'),
        updated_at: updated('opt-outs').toISOString(),
      },
    ],
    consent_sources: [
      {
        id: idOf('cns', 12, customer.key, 'intake'),
        name: 'Intake form consent',
        kind: 'written',
        records: 500 + pick(3000, customer.key, 'intake'),
        updated_at: updated('intake').toISOString(),
      },
      {
        id: idOf('cns', 12, customer.key, 'web'),
        name: 'Online booking opt-in',
        kind: 'web_form',
        records: 200 + pick(2000, customer.key, 'web'),
        updated_at: updated('web').toISOString(),
      },
    ],
    exceptions: projects.slice(0, 1).map((project) => ({
      id: idOf('exc', 12, project.key),
      project_id: project.id,
      description: 'Contacts who asked for a same-day reminder may be called until 8:30 pm on weekdays.',
      ends_on: dayOf(startOfDay(now, 30 + pick(60, project.key, 'exception'))),
    })),
  };
}

/*
 * The internal admin area's data: platform incidents, and the discounts and adjustments on tenants' bills. Platform-
 * wide: only the AiDial (internal) tenant is answered.
 */
/** One open incident (started three hours before `now`) and two resolved ones. */
export function incidentsOf(tenants: ReadonlyMap<string, SeedTenant>, now: Date) {
  const customers = [...tenants.values()].filter((tenant) => tenant.kind === 'customer');
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR).toISOString();
  const named = (list: readonly SeedTenant[]) => list.map((tenant) => ({ id: tenant.id, name: tenant.name }));
  const incidents = [
    {
      key: 'recordings',
      title: 'Call recordings delayed',
      severity: 'minor',
      started: 3,
      resolved: null,
      impact: 'Recordings appear up to 20 minutes after a call ends. Calls themselves are not affected.',
      affected: customers.slice(0, 2),
      updates: [
        [3, 'investigating', 'We are looking into reports of recordings arriving late.'],
        [2, 'identified', 'A storage queue in one region is running behind; more workers are being added.'],
        [1, 'monitoring', 'The queue is catching up. We are watching it until it is back to normal.'],
      ],
    },
    {
      key: 'outbound',
      title: 'Outbound calls failing to some carriers',
      severity: 'major',
      started: 6 * 24 + 2,
      resolved: 6 * 24,
      impact: 'About one in five outbound calls to one mobile carrier failed to connect.',
      affected: customers,
      updates: [
        [6 * 24 + 2, 'investigating', 'Outbound calls to one carrier are failing.'],
        [6 * 24 + 1, 'identified', 'A carrier route was withdrawn; traffic is moving to the backup route.'],
        [6 * 24, 'resolved', 'All outbound calls connect again. Failed calls were retried automatically.'],
      ],
    },
    {
      key: 'portal',
      title: 'Portal pages slow to load',
      severity: 'minor',
      started: 20 * 24 + 5,
      resolved: 20 * 24 + 4,
      impact: 'Portal pages took up to ten seconds to load. Calls were not affected.',
      affected: [],
      updates: [
        [20 * 24 + 5, 'investigating', 'Portal pages are loading slowly.'],
        [20 * 24 + 4, 'resolved', 'A database index was rebuilt; pages load normally again.'],
      ],
    },
  ] as const;
  return incidents.map((incident) => ({
    id: idOf('inc', 12, incident.key),
    title: incident.title,
    severity: incident.severity,
    status: incident.updates.at(-1)?.[1] ?? 'investigating',
    started_at: at(incident.started),
    resolved_at: incident.resolved === null ? null : at(incident.resolved),
    impact: incident.impact,
    affected_tenants: named(incident.affected),
    updates: incident.updates.map(([hoursAgo, status, message]) => ({ at: at(hoursAgo), status, message })),
  }));
}

const DISCOUNT_TERMS = [
  { name: 'Launch discount', percent_off: 15, applies_to: 'call_minutes', from: -60, to: 30 },
  { name: 'Partner volume discount', percent_off: 10, applies_to: 'all_charges', from: -120, to: null },
  { name: 'Annual prepayment', percent_off: 20, applies_to: 'platform_fee', from: 14, to: 379 },
  { name: 'Pilot discount', percent_off: 25, applies_to: 'all_charges', from: -150, to: -30 },
] as const;

/** One discount per customer tenant, its dates placed around `now` so it is active, scheduled or expired. */
export function discountsOf(tenants: ReadonlyMap<string, SeedTenant>, now: Date) {
  return [...tenants.values()]
    .filter((tenant) => tenant.kind === 'customer')
    .map((tenant, index) => {
      const terms = DISCOUNT_TERMS[index % DISCOUNT_TERMS.length] ?? DISCOUNT_TERMS[0];
      const starts = startOfDay(now, terms.from);
      const ends = terms.to === null ? null : startOfDay(now, terms.to);
      const status =
        starts.getTime() > now.getTime()
          ? 'scheduled'
          : ends !== null && ends.getTime() <= now.getTime()
            ? 'expired'
            : 'active';
      return {
        id: idOf('dsc', 12, tenant.key),
        tenant: { id: tenant.id, name: tenant.name },
        name: terms.name,
        percent_off: terms.percent_off,
        applies_to: terms.applies_to,
        starts_on: dayOf(starts),
        ends_on: ends === null ? null : dayOf(ends),
        status,
      };
    });
}

const ADJUSTMENT_REASONS = [
  { kind: 'credit', cents: 12_500, reason: 'Service credit for the outbound calling incident' },
  { kind: 'charge', cents: 4_800, reason: 'Five extra concurrent lines for a campaign' },
  { kind: 'credit', cents: 2_000, reason: 'Goodwill credit for a duplicated invoice line' },
] as const;

/** One or two adjustments per customer tenant, this month and last, newest first. */
export function adjustmentsOf(tenants: ReadonlyMap<string, SeedTenant>, now: Date) {
  return [...tenants.values()]
    .filter((tenant) => tenant.kind === 'customer')
    .flatMap((tenant) =>
      [0, 1].slice(0, 1 + pick(2, tenant.key, 'adjustments')).map((monthsAgo) => {
        const terms = ADJUSTMENT_REASONS[pick(ADJUSTMENT_REASONS.length, tenant.key, String(monthsAgo))];
        // This month's within the last week (today on the 1st); last month's in its last three weeks.
        const daysAgo =
          monthsAgo === 0
            ? Math.min(now.getDate() - 1, 1 + pick(6, tenant.key, 'this month'))
            : now.getDate() + pick(20, tenant.key, 'last month');
        const created = sampleTime(now, daysAgo, 0.5, tenant.key, 'adjustment', String(monthsAgo));
        return {
          id: idOf('adj', 12, tenant.key, String(monthsAgo)),
          tenant: { id: tenant.id, name: tenant.name },
          period: monthOf(created),
          kind: terms?.kind ?? 'credit',
          amount_cents: terms?.cents ?? 0,
          currency: 'AUD',
          reason: terms?.reason ?? '',
          created_at: created.toISOString(),
        };
      }),
    )
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || a.id.localeCompare(b.id));
}

import { resolve } from 'node:path';
import {
  adjustmentsOf,
  billingOf,
  callsOf,
  complianceOf,
  dashboardOf,
  discountsOf,
  incidentsOf,
  loadTenants,
  monthOf,
  startOfDay,
} from '../src/sample-data.ts';

const tenants = loadTenants(resolve(__dirname, '../../../tools/demo/seed.json'));
const acme = [...tenants.values()].find((tenant) => tenant.key === 'acme-health');
if (!acme) throw new Error('the demo seed has no acme-health');

/** Instants in the process's own time zone, as the stand-in reads the calendar: just after midnight, late at night, the 1st. */
const MOMENTS: Array<[string, Date]> = [
  ['five seconds after midnight', new Date(2026, 10, 20, 0, 0, 5)],
  ['a minute before midnight', new Date(2026, 10, 20, 23, 59)],
  ['early on the first of a month', new Date(2026, 11, 1, 0, 30)],
  ['mid-morning', new Date(2027, 1, 14, 10, 15)],
];

describe.each(MOMENTS)('the sample data %s', (_, now) => {
  const midnight = startOfDay(now).getTime();
  const calls = callsOf(acme.projects, now);
  const dashboard = dashboardOf(acme.projects, now);

  it('counts as "calls today" exactly the calls dated today, and they are the newest of the list', () => {
    const today = calls.filter((call) => Date.parse(call.started_at) >= midnight);
    expect(dashboard.calls_today).toBe(today.length);
    expect(today).toHaveLength(3 * acme.projects.length);
    expect(calls.slice(0, today.length)).toEqual(today);
    expect(calls.every((call) => Date.parse(call.started_at) <= now.getTime())).toBe(true);
    // The older calls go back days, not weeks.
    expect(Date.parse(calls.at(-1)?.started_at ?? '')).toBeGreaterThanOrEqual(startOfDay(now, -5).getTime());
  });

  it('bills this month the calls dated this month, and the dashboard shows the same minutes', () => {
    const billing = billingOf(acme.projects, now);
    const thisMonth = calls.filter((call) => monthOf(new Date(call.started_at)) === monthOf(now));
    expect(billing.period).toBe(monthOf(now));
    expect(billing.calls).toBe(thisMonth.length);
    expect(billing.minutes).toBe(thisMonth.reduce((sum, call) => sum + Math.ceil(call.duration_seconds / 60), 0));
    expect(dashboard.minutes_this_month).toBe(billing.minutes);
  });

  it('totals the compliance checks it lists, none of them after now', () => {
    const compliance = complianceOf(acme.projects, now, { projectId: null, result: null });
    expect(compliance.totals.checked).toBe(compliance.items.length);
    expect(compliance.totals.cleared + compliance.totals.blocked + compliance.totals.held).toBe(
      compliance.items.length,
    );
    expect(compliance.items.every((record) => Date.parse(record.checked_at) <= now.getTime())).toBe(true);
    expect(compliance.items.every((record) => record.checked_at >= compliance.since)).toBe(true);
    const blocked = complianceOf(acme.projects, now, { projectId: null, result: 'blocked' });
    expect(blocked.totals).toEqual(compliance.totals);
    expect(blocked.items.length).toBe(compliance.totals.blocked);
  });

  it('dates discounts so that their status is true today', () => {
    const today = startOfDay(now).getTime();
    for (const discount of discountsOf(tenants, now)) {
      const starts = Date.parse(`${discount.starts_on}T00:00:00`);
      const ends = discount.ends_on === null ? Infinity : Date.parse(`${discount.ends_on}T00:00:00`);
      const expected = starts > today ? 'scheduled' : ends <= today ? 'expired' : 'active';
      expect([discount.name, discount.status]).toEqual([discount.name, expected]);
    }
    expect(new Set(discountsOf(tenants, now).map((discount) => discount.status))).toEqual(
      new Set(['active', 'scheduled', 'expired']),
    );
  });

  it('has one open incident and resolved ones, each resolved after it started and before now', () => {
    const incidents = incidentsOf(tenants, now);
    expect(incidents.filter((incident) => incident.resolved_at === null).map((incident) => incident.status)).toEqual([
      'monitoring',
    ]);
    for (const incident of incidents) {
      if (incident.resolved_at !== null) expect(incident.resolved_at > incident.started_at).toBe(true);
      expect(Date.parse(incident.updates.at(-1)?.at ?? '')).toBeLessThanOrEqual(now.getTime());
    }
  });

  it('files each adjustment under the month it was made, none after now', () => {
    for (const adjustment of adjustmentsOf(tenants, now)) {
      expect(adjustment.period).toBe(monthOf(new Date(adjustment.created_at)));
      expect(Date.parse(adjustment.created_at)).toBeLessThanOrEqual(now.getTime());
    }
  });
});

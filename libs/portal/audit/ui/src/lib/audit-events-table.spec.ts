import { TestBed } from '@angular/core/testing';
import { type AuditEventRow, AuditEventsTable } from './audit-events-table';

const event = (id: string, overrides: Partial<AuditEventRow> = {}): AuditEventRow => ({
  id,
  occurred_at: '2026-11-23T10:00:00.000Z',
  tenant_id: 't-1',
  actor_user_id: '11111111-2222-3333-4444-555555555555',
  actor_api_key_id: null,
  actor_role: 'client_admin',
  action: 'tenancy.invitation.created',
  outcome: 'success',
  target_type: 'invitation',
  target_id: 'inv-1',
  request_id: `req-${id}`,
  ip: '203.0.113.0',
  user_agent: 'Chromium',
  details: { email: 'new@acme-health.example', role: 'client_staff' },
  ...overrides,
});

describe('AuditEventsTable', () => {
  async function render(events: AuditEventRow[], extra: Record<string, unknown> = {}) {
    const fixture = TestBed.createComponent(AuditEventsTable);
    fixture.componentRef.setInput('events', events);
    for (const [name, value] of Object.entries(extra)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  const cells = (row: Element | null | undefined) =>
    [...(row?.querySelectorAll('th, td') ?? [])].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());

  it('shows each event in words: actor, role, action, target, outcome and request id', async () => {
    const { element } = await render([event('e-1')]);
    const headers = [...element.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    expect(headers).toEqual(['Time', 'Actor', 'Role', 'Action', 'Target', 'Outcome', 'Request id', 'Details']);
    const row = cells(element.querySelector('tbody tr'));
    expect(row.slice(1, 7)).toEqual([
      '11111111',
      'Client Administrator',
      'Invited a member',
      'Invitation inv-1',
      'Success',
      'req-e-1',
    ]);
    expect(element.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-23T10:00:00.000Z');
  });

  it('names the tenant of each event, and tenant targets by name, when asked to', async () => {
    const { element } = await render(
      [event('e-1', { action: 'admin.tenant.status_changed', target_type: 'tenant', target_id: 't-1' })],
      { showTenant: true, tenantNames: { 't-1': 'Acme Health' } },
    );
    const row = cells(element.querySelector('tbody tr'));
    expect(row[1]).toBe('Acme Health');
    expect(row[5]).toBe('Tenant Acme Health');
  });

  it('opens and closes the details of a row with a button that says so', async () => {
    const { fixture, element } = await render([event('e-1'), event('e-2')]);
    const toggle = element.querySelector<HTMLButtonElement>('button[aria-controls="audit-details-e-1"]');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    toggle?.click();
    await fixture.whenStable();
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    const details = element.querySelector('#audit-details-e-1');
    const terms = [...(details?.querySelectorAll('dt') ?? [])].map((dt) => dt.textContent);
    expect(terms.slice(0, 3)).toEqual(['email', 'role', 'event id']);
    expect(details?.textContent).toContain('new@acme-health.example');
    expect(element.querySelector('#audit-details-e-2')).toBeNull();
    toggle?.click();
    await fixture.whenStable();
    expect(element.querySelector('#audit-details-e-1')).toBeNull();
  });

  it('offers to show only the events of an actor', async () => {
    const { fixture, element } = await render([event('e-1')]);
    const chosen: string[] = [];
    fixture.componentInstance.actorSelected.subscribe((actor) => chosen.push(actor));
    element.querySelector<HTMLButtonElement>('button[aria-label^="Show only events by user"]')?.click();
    expect(chosen).toEqual(['11111111-2222-3333-4444-555555555555']);
  });

  it('says when no user acted, and keeps an unknown event type readable', async () => {
    const { element } = await render([event('e-1', { actor_user_id: null, actor_role: null, action: 'new.kind' })]);
    const row = cells(element.querySelector('tbody tr'));
    expect(row.slice(1, 4)).toEqual(['No signed-in user', '—', 'new.kind']);
  });
});

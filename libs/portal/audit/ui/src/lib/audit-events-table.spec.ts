import { TestBed } from '@angular/core/testing';
import { type AuditActorRow, type AuditEventRow, type AuditTargetChoice, AuditEventsTable } from './audit-events-table';

const AMELIA_ID = '11111111-2222-4333-8444-555555555555';
const INVITATION_ID = '66666666-7777-4888-8999-aaaaaaaaaaaa';
const REQUEST_ID = 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff';

const AMELIA: AuditActorRow = {
  kind: 'person',
  id: AMELIA_ID,
  name: 'Amelia Hart',
  email: 'amelia.hart@acme-health.example',
};

const event = (id: string, overrides: Partial<AuditEventRow> = {}): AuditEventRow => ({
  id,
  occurred_at: '2026-11-23T10:00:00.000Z',
  tenant_id: 't-1',
  actor_user_id: AMELIA_ID,
  actor_api_key_id: null,
  actor: AMELIA,
  actor_role: 'client_admin',
  action: 'tenancy.invitation.created',
  outcome: 'success',
  target_type: 'invitation',
  target_id: INVITATION_ID,
  target_description: 'Invitation for new@acme-health.example',
  request_id: REQUEST_ID,
  ip: '203.0.113.0',
  user_agent: 'Chromium',
  details: { email: 'new@acme-health.example', role: 'client_staff', team: 'team' },
  ...overrides,
});

/** A UUID, or eight or more hex digits mixing letters and digits: an id as a person would see it. */
const ID_SHOWN = /[0-9a-f]{8}-[0-9a-f]{4}|\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{8,}\b/i;

describe('AuditEventsTable', () => {
  async function render(events: AuditEventRow[], extra: Record<string, unknown> = {}) {
    const fixture = TestBed.createComponent(AuditEventsTable);
    fixture.componentRef.setInput('events', events);
    for (const [name, value] of Object.entries(extra)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  /** Each cell's text as it reads on screen (without what only a screen reader hears). */
  const cells = (row: Element | null | undefined) =>
    [...(row?.querySelectorAll('th, td') ?? [])].map((cell) => {
      const copy = cell.cloneNode(true) as Element;
      for (const hidden of copy.querySelectorAll('.cdk-visually-hidden')) hidden.replaceWith(' ');
      return copy.textContent?.replace(/\s+/g, ' ').trim();
    });

  /** A button by the name a screen reader announces (its whole text), as people and Playwright find it. */
  const button = (element: HTMLElement, name: string) =>
    [...element.querySelectorAll<HTMLButtonElement>('button')].find(
      (candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim() === name,
    );

  /** The text a person reads: what is rendered, without what is only there for screen readers or folded away. */
  function visibleText(element: HTMLElement): string {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const hidden of copy.querySelectorAll('.cdk-visually-hidden, details > :not(summary)')) hidden.remove();
    return copy.textContent ?? '';
  }

  it('shows each event in words: the actor by name and email, role, action, what it is about, outcome', async () => {
    const { element } = await render([event('e-1')]);
    const headers = [...element.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    expect(headers).toEqual(['Time', 'Actor', 'Role', 'Action', 'Target', 'Outcome', 'Details']);
    const row = cells(element.querySelector('tbody tr'));
    expect(row.slice(1, 6)).toEqual([
      'Amelia Hart amelia.hart@acme-health.example',
      'Client Administrator',
      'Invited a member',
      'Invitation for new@acme-health.example',
      'Success',
    ]);
    expect(element.querySelector('tbody .actor .name')?.textContent).toBe('Amelia Hart');
    expect(element.querySelector('tbody .actor .second-line')?.textContent).toBe('amelia.hart@acme-health.example');
    expect(element.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-23T10:00:00.000Z');
  });

  it.each([
    [
      { kind: 'aidial_support', id: 'aidial_support', name: 'AiDial support', email: null },
      'AiDial support AiDial staff',
    ],
    [
      { kind: 'api_key', id: 'api_key:x', name: 'API key CRM sync …a1b2', email: null },
      'API key CRM sync …a1b2 Integration (/v1)',
    ],
    [{ kind: 'system', id: 'system', name: 'System', email: null }, 'System No one signed in'],
  ])('labels an actor that is not a person: %o', async (actor, shown) => {
    const { element } = await render([event('e-1', { actor, actor_user_id: null, actor_role: null })]);
    expect(cells(element.querySelector('tbody tr'))[1]).toBe(shown);
  });

  it('shows no id as text, even with a row’s details open; the ids support asks for stay folded away', async () => {
    const { fixture, element } = await render(
      [
        event('e-1', {
          action: 'tenancy.member.role_changed',
          target_type: 'membership',
          target_description: 'Member Sofia Rossi',
          details: { user_id: AMELIA_ID, from_role: 'client_staff', to_role: 'client_manager', sessions_ended: 2 },
        }),
      ],
      { showTenant: true, tenantNames: {} },
    );
    element.querySelector<HTMLButtonElement>('button[aria-controls="audit-details-e-1"]')?.click();
    await fixture.whenStable();
    const text = visibleText(element);
    expect(text).toContain('From role');
    expect(text).toContain('Client Staff');
    expect(text).toContain('Client Manager');
    expect(text).toContain('Member Sofia Rossi');
    expect(text).toContain('Another tenant');
    expect(text).not.toMatch(ID_SHOWN);
    expect(text).not.toMatch(/client_staff|client_manager|sessions_ended/);
    const support = element.querySelector('details.for-support');
    expect(support?.querySelector('summary')?.textContent).toBe('Identifiers for support');
    expect(support?.textContent).toContain(REQUEST_ID);
    expect(support?.textContent).toContain('e-1');
  });

  it('names the tenant of each event when asked to', async () => {
    const { element } = await render(
      [event('e-1', { action: 'admin.tenant.status_changed', target_type: 'tenant', target_id: 't-1' })],
      { showTenant: true, tenantNames: { 't-1': 'Acme Health' } },
    );
    expect(cells(element.querySelector('tbody tr'))[1]).toBe('Acme Health');
  });

  it('opens and closes the details of a row with a button that says so', async () => {
    const { fixture, element } = await render([event('e-1'), event('e-2')]);
    const toggle = element.querySelector<HTMLButtonElement>('button[aria-controls="audit-details-e-1"]');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    toggle?.click();
    await fixture.whenStable();
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    const details = element.querySelector('#audit-details-e-1');
    const terms = [...(details?.querySelectorAll(':scope > dl > div > dt') ?? [])].map((dt) => dt.textContent);
    expect(terms).toEqual(['Email', 'Role', 'Team', 'Network', 'Browser or client']);
    expect(details?.textContent).toContain('new@acme-health.example');
    expect(element.querySelector('#audit-details-e-2')).toBeNull();
    toggle?.click();
    await fixture.whenStable();
    expect(element.querySelector('#audit-details-e-1')).toBeNull();
  });

  it('offers to show only the events of an actor, and only those about a target', async () => {
    const { fixture, element } = await render([event('e-1')]);
    const actors: AuditActorRow[] = [];
    const targets: AuditTargetChoice[] = [];
    fixture.componentInstance.actorSelected.subscribe((actor) => actors.push(actor));
    fixture.componentInstance.targetSelected.subscribe((target) => targets.push(target));
    button(element, 'Show only events by Amelia Hart, amelia.hart@acme-health.example')?.click();
    button(element, 'Show only events about Invitation for new@acme-health.example')?.click();
    expect(actors).toEqual([AMELIA]);
    expect(targets).toEqual([
      { type: 'invitation', id: INVITATION_ID, description: 'Invitation for new@acme-health.example' },
    ]);
  });

  it('shows a target with no id as plain words, and keeps an unknown event type readable', async () => {
    const { element } = await render([
      event('e-1', {
        action: 'new.kind',
        target_type: 'user',
        target_id: null,
        target_description: 'No user identified',
      }),
    ]);
    const row = cells(element.querySelector('tbody tr'));
    expect(row.slice(3, 5)).toEqual(['new.kind', 'No user identified']);
    expect(element.querySelector('tbody .target')).toBeNull();
  });
});

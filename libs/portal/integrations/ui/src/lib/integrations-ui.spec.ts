import { Clipboard } from '@angular/cdk/clipboard';
import { TestBed } from '@angular/core/testing';
import { ApiKeySecret } from './api-key-secret';
import { type ApiKeyRow, ApiKeysTable } from './api-keys-table';

const key = (id: string, status = 'active'): ApiKeyRow => ({
  id,
  name: `Key ${id}`,
  prefix: 'aidial_k3v9x0a1b2c3_',
  last_four: 'Ss8A',
  scopes: ['whoami', 'platform:read'],
  client_name: 'Acme Health',
  project_ids: null,
  created_by_name: 'Priya Natarajan',
  created_at: '2026-11-23T10:00:00.000Z',
  expires_at: '2027-02-21T10:00:00.000Z',
  last_used_at: null,
  status,
});

describe('ApiKeySecret', () => {
  it('shows the key once with a plain warning, and copies it on request', async () => {
    const copy = jest.fn().mockReturnValue(true);
    TestBed.configureTestingModule({ providers: [{ provide: Clipboard, useValue: { copy } }] });
    const fixture = TestBed.createComponent(ApiKeySecret);
    fixture.componentRef.setInput('secret', 'aidial_k3v9x0a1b2c3_SECRET');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('You will not see it again');
    expect(element.querySelector<HTMLInputElement>('input#api-key-secret')?.value).toBe('aidial_k3v9x0a1b2c3_SECRET');
    element.querySelector<HTMLButtonElement>('button')?.click();
    await fixture.whenStable();
    expect(copy).toHaveBeenCalledWith('aidial_k3v9x0a1b2c3_SECRET');
    expect(element.querySelector('[role="status"]')?.textContent).toBe('Copied to the clipboard.');
  });
});

describe('ApiKeysTable', () => {
  async function render(canManage: boolean) {
    const fixture = TestBed.createComponent(ApiKeysTable);
    fixture.componentRef.setInput('keys', [key('k-1'), key('k-2', 'revoked')]);
    fixture.componentRef.setInput('canManage', canManage);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('shows how each key starts and ends, never more', async () => {
    const { element } = await render(false);
    expect(element.querySelector('code.key')?.textContent).toBe('aidial_k3v9x0a1b2c3_…Ss8A');
    const first = [...(element.querySelector('tbody tr')?.querySelectorAll('th, td') ?? [])].map((cell) =>
      cell.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(first[2]).toBe('whoami, platform:read');
    expect(first[3]).toBe('Acme Health: All projects');
    expect(first[6]).toBe('Never');
    expect(element.querySelectorAll('button')).toHaveLength(0);
  });

  it('offers Rotate and Revoke on active keys to a role that manages them', async () => {
    const { fixture, element } = await render(true);
    const buttons = [...element.querySelectorAll<HTMLButtonElement>('button')];
    expect(buttons.map((button) => button.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Rotate Key k-1 ending Ss8A',
      'Revoke Key k-1 ending Ss8A',
    ]);
    // Revoke takes the key away: red; Rotate does not.
    expect(buttons.map((button) => button.classList.contains('aidial-destructive'))).toEqual([false, true]);
    const revoked: string[] = [];
    fixture.componentInstance.revoke.subscribe((row) => revoked.push(row.id));
    buttons[1].click();
    expect(revoked).toEqual(['k-1']);
  });

  it('marks a rotated key as replaced, by which key and until when, offering only Revoke, every button named apart', async () => {
    TestBed.configureTestingModule({});
    const fixture = TestBed.createComponent(ApiKeysTable);
    fixture.componentRef.setInput('keys', [
      { ...key('old'), name: 'CRM sync', last_four: 'AAAA', replaced_by_id: 'new', replaced_by_last_four: 'BBBB' },
      { ...key('new'), name: 'CRM sync', last_four: 'BBBB', replaced_by_id: null, replaced_by_last_four: null },
    ]);
    fixture.componentRef.setInput('canManage', true);
    await fixture.whenStable();
    const rows = [...(fixture.nativeElement as HTMLElement).querySelectorAll('tbody tr')];
    const text = (row: Element) => row.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    expect(text(rows[0] as Element)).toMatch(/Replaced by …BBBB,\s*works until/);
    expect(text(rows[1] as Element)).toContain('Active');
    const names = rows.flatMap((row) =>
      [...row.querySelectorAll('button')].map((button) => button.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(names).toEqual([
      'Revoke CRM sync ending AAAA',
      'Rotate CRM sync ending BBBB',
      'Revoke CRM sync ending BBBB',
    ]);
    expect(new Set(names).size).toBe(names.length);
  });
});

import { TestBed } from '@angular/core/testing';
import { AccountSummary } from './account-summary';
import { ErrorNotice } from './error-notice';

describe('AccountSummary', () => {
  it('lists the account as terms and values', async () => {
    const fixture = TestBed.createComponent(AccountSummary);
    fixture.componentRef.setInput('account', {
      name: 'Amelia Hart',
      email: 'amelia.hart@acme-health.example',
      role: 'client_admin',
      organisation: 'Acme Health',
      signInMethod: 'Password (single factor)',
      signedInAt: '2026-01-01T00:00:00Z',
    });
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const rows = [...element.querySelectorAll('.row')].map((row) => [
      row.querySelector('dt')?.textContent,
      row.querySelector('dd')?.textContent?.trim(),
    ]);
    expect(rows.slice(0, 5)).toEqual([
      ['Name', 'Amelia Hart'],
      ['Email', 'amelia.hart@acme-health.example'],
      ['Role', 'client_admin'],
      ['Organisation', 'Acme Health'],
      ['Signed in with', 'Password (single factor)'],
    ]);
    expect(element.querySelector('time')?.getAttribute('datetime')).toBe('2026-01-01T00:00:00Z');
  });
});

describe('ErrorNotice', () => {
  it('shows the message and the request id as an alert', async () => {
    const fixture = TestBed.createComponent(ErrorNotice);
    fixture.componentRef.setInput('problem', { message: 'Something failed.', requestId: 'req-42' });
    await fixture.whenStable();
    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]');
    expect(alert?.querySelector('.message')?.textContent).toBe('Something failed.');
    expect(alert?.querySelector('code')?.textContent).toBe('req-42');
  });

  it('leaves the request id out when there is none', async () => {
    const fixture = TestBed.createComponent(ErrorNotice);
    fixture.componentRef.setInput('problem', { message: 'No answer.' });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('code')).toBeNull();
  });
});

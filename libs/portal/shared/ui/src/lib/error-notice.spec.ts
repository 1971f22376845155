import { TestBed } from '@angular/core/testing';
import { ErrorNotice } from './error-notice';

async function render(problem: { message: string; requestId?: string | null }): Promise<HTMLElement> {
  const fixture = TestBed.createComponent(ErrorNotice);
  fixture.componentRef.setInput('problem', problem);
  fixture.detectChanges();
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('ErrorNotice', () => {
  it('shows the message, with the request id folded behind "Details for support"', async () => {
    const element = await render({ message: 'The service is unavailable.', requestId: 'req-42' });
    expect(element.querySelector('[role="alert"] .message')?.textContent).toBe('The service is unavailable.');
    const details = element.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent?.trim()).toBe('Details for support');
    expect(details?.querySelector('code')?.textContent).toBe('req-42');
  });

  it('offers no details when the answer carried no request id', async () => {
    const element = await render({ message: 'The portal cannot reach the service.', requestId: null });
    expect(element.querySelector('details')).toBeNull();
  });
});

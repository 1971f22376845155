import { TestBed } from '@angular/core/testing';
import { NotConnectedState } from './not-connected-state';

describe('NotConnectedState', () => {
  async function render(subject: string, willShow: readonly string[]) {
    const fixture = TestBed.createComponent(NotConnectedState);
    fixture.componentRef.setInput('subject', subject);
    fixture.componentRef.setInput('willShow', willShow);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('says the AiDial platform is not connected in this environment, and what the page will show', async () => {
    const element = await render('Call records', ['Calls with their outcome', 'Recordings']);
    expect(element.querySelector('h2')?.textContent).toBe('Not connected yet');
    expect(element.textContent).toContain('Call records come from the AiDial platform.');
    expect(element.textContent).toContain('not available in this environment yet');
    expect([...element.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      'Calls with their outcome',
      'Recordings',
    ]);
  });

  it('shows no figures at all', async () => {
    const element = await render('Billing figures', ['Usage and charges']);
    expect(element.textContent).not.toMatch(/\d/);
  });
});

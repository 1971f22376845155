import { TestBed } from '@angular/core/testing';
import { SupportPage } from './support.page';

describe('SupportPage', () => {
  it('says how to reach AiDial support, and never to paste codes, cookies or tokens', async () => {
    const fixture = TestBed.createComponent(SupportPage);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect([...element.querySelectorAll('h1')].map((h1) => h1.textContent)).toEqual(['Support']);
    expect(element.querySelector('a[href="mailto:help@aidial.com.au"]')?.textContent).toBe('help@aidial.com.au');
    expect(element.querySelector('[role="note"]')?.textContent).toContain(
      'Never paste one-time codes, recovery codes, passwords, browser cookies, session or API tokens',
    );
  });
});

import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { durationText } from './platform-figures';
import { PlatformProblem } from './platform-problem';

describe('PlatformProblem', () => {
  async function render(kind: string) {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(PlatformProblem);
    fixture.componentRef.setInput('kind', kind);
    fixture.componentRef.setInput('problem', {
      message: 'The AiDial platform did not answer in time.',
      requestId: 'req-9',
    });
    fixture.componentRef.setInput('subject', 'Calls');
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('prompts a partner to pick a client', async () => {
    const { element } = await render('client-required');
    expect(element.querySelector('h2')?.textContent).toBe('Select a client');
    expect(element.textContent).toContain('Calls are shown for one client at a time');
  });

  it('says the platform is not answering, with the request id, and offers to try again', async () => {
    const { fixture, element } = await render('unavailable');
    expect(element.querySelector('[role="alert"] h2')?.textContent).toBe('The AiDial platform is not answering');
    expect(element.querySelector('code')?.textContent).toBe('req-9');
    let retried = 0;
    fixture.componentInstance.retry.subscribe(() => retried++);
    element.querySelector<HTMLButtonElement>('button')?.click();
    expect(retried).toBe(1);
  });

  it('shows any other problem as an error notice', async () => {
    const { element } = await render('error');
    expect(element.querySelector('aidial-error-notice [role="alert"]')).not.toBeNull();
  });
});

describe('durationText', () => {
  it.each([
    [42, '42 s'],
    [125, '2 min 05 s'],
    [3600, '60 min 00 s'],
  ])('%i seconds read as %s', (seconds, text) => {
    expect(durationText(seconds)).toBe(text);
  });
});

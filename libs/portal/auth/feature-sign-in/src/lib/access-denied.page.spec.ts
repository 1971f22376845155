import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ACCESS_DENIED_ROUTES } from './sign-in.routes';

describe('AccessDeniedPage', () => {
  let harness: RouterTestingHarness;

  async function open(url: string) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'access-denied', loadChildren: () => ACCESS_DENIED_ROUTES },
          { path: 'sign-in', children: [] },
        ]),
      ],
    });
    harness = await RouterTestingHarness.create(url);
  }

  const page = () => harness.routeNativeElement as HTMLElement;
  const paragraphs = () => [...page().querySelectorAll('p')].map((p) => p.textContent?.trim());

  // spec/02, "Common Access Issues": each variant says what happened and what to do next.
  it.each([
    {
      reason: 'no_membership',
      title: 'You are not a member of an organisation yet',
      next: 'Ask your organisation’s administrator to invite you from Team. Once they have, sign in again with the same email address.',
    },
    {
      reason: 'role_not_recognised',
      title: 'Your role is not recognised',
      next: 'Contact your organisation’s administrator or AiDial support to verify your role assignment.',
    },
    {
      reason: 'tenant_suspended',
      title: 'Your organisation’s account is not active',
      next: 'Contact your AiDial account manager or AiDial support for assistance.',
    },
    {
      reason: 'session_validation_unavailable',
      title: 'We could not validate your session',
      next: 'Try signing in again shortly. If the issue persists, contact AiDial support.',
    },
    {
      reason: 'made_up',
      title: 'You do not have access',
      next: 'Contact your organisation’s administrator or AiDial support.',
    },
  ])('explains $reason and what to do next', async ({ reason, title, next }) => {
    await open(`/access-denied?reason=${reason}`);

    expect(page().querySelector('h1')?.textContent).toBe('Access denied');
    expect(page().querySelector('h2')?.textContent).toBe(title);
    expect(paragraphs()).toContain(next);
    expect(TestBed.inject(Title).getTitle()).toBe('Access denied');
  });

  it('says the tenant account is suspended or otherwise not active', async () => {
    await open('/access-denied?reason=tenant_suspended');
    expect(paragraphs()).toContain(
      'Your organisation’s account has been suspended or is otherwise not active. Portal access is only available for active accounts.',
    );
  });

  it('offers AiDial support by email and a way to sign in again', async () => {
    await open('/access-denied?reason=role_not_recognised');

    const support = page().querySelector<HTMLAnchorElement>('a[href^="mailto:"]');
    expect(support?.getAttribute('href')).toBe('mailto:help@aidial.com.au');
    const signInAgain = [...page().querySelectorAll('a')].find((a) => a.textContent?.trim() === 'Sign in again');
    expect(signInAgain?.getAttribute('href')).toBe('/sign-in');

    signInAgain?.click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/sign-in');
  });
});

import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { PortalLayout } from './portal-layout';

@Component({ template: '<h1>Status</h1>' })
class StubStatusPage {}

describe('PortalLayout', () => {
  let fixture: ComponentFixture<PortalLayout>;
  const shell = () => fixture.nativeElement as HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'status', component: StubStatusPage },
          { path: 'elsewhere', component: StubStatusPage },
        ]),
      ],
    });
    fixture = TestBed.createComponent(PortalLayout);
    await TestBed.inject(Router).navigateByUrl('/status');
    await fixture.whenStable();
  });

  it('names the product in the header landmark', () => {
    expect(shell().querySelector('header')?.textContent?.trim()).toBe('AiDial Access');
  });

  it('offers the Status page in a labelled navigation landmark, marked as the current page while shown', async () => {
    const navigation = shell().querySelector('[role="navigation"]');
    expect(navigation?.getAttribute('aria-label')).toBe('Main');
    const link = navigation?.querySelector('a');
    expect(link?.textContent?.trim()).toBe('Status');
    expect(link?.getAttribute('href')).toBe('/status');
    expect(link?.getAttribute('aria-current')).toBe('page');

    await TestBed.inject(Router).navigateByUrl('/elsewhere');
    await fixture.whenStable();
    expect(link?.hasAttribute('aria-current')).toBe(false);
  });

  it('renders the routed page inside the main landmark', () => {
    expect(shell().querySelector('main h1')?.textContent).toBe('Status');
  });

  it('moves focus to the content with the skip link, without changing the address', () => {
    const skipLink = shell().querySelector<HTMLAnchorElement>('a.skip-link');
    expect(skipLink?.textContent).toBe('Skip to content');
    skipLink?.click();
    expect(document.activeElement).toBe(shell().querySelector('main'));
    expect(TestBed.inject(Router).url).toBe('/status');
  });
});

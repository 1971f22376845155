import type { Routes } from '@angular/router';
import { prefetchRouteCode } from './route-prefetch';

/** A route table shaped like the portal's, whose loaders record what was asked for. */
function routesRecording(loaded: string[]): Routes {
  const loader = (name: string) => () => {
    loaded.push(name);
    return Promise.resolve([] as Routes);
  };
  const componentLoader = (name: string) => () => {
    loaded.push(name);
    return Promise.resolve(class Page {});
  };
  return [
    { path: 'sign-in', loadChildren: loader('sign-in') },
    {
      path: '',
      loadComponent: componentLoader('shell'),
      children: [
        { path: '', pathMatch: 'full', redirectTo: '/dashboard' },
        { path: 'dashboard', loadChildren: loader('dashboard') },
        {
          path: 'partner',
          children: [
            { path: 'clients', loadChildren: loader('partner clients') },
            { path: 'team', loadChildren: loader('partner team') },
          ],
        },
        { path: 'tenants/:id', loadChildren: loader('tenant') },
        { path: '**', loadComponent: componentLoader('not found') },
      ],
    },
  ];
}

describe('prefetchRouteCode', () => {
  it.each([
    ['/sign-in', ['sign-in']],
    ['/dashboard', ['shell', 'dashboard']],
    ['/partner/team', ['shell', 'partner team']],
    ['/tenants/3f1c', ['shell', 'tenant']],
    // The shell only: where `/` goes depends on the role, and unknown paths have nothing worth fetching early.
    ['/', ['shell']],
    ['/nowhere', ['shell']],
    ['/partner', ['shell']],
  ])('fetches the code on the way to %s', (path, expected) => {
    const loaded: string[] = [];
    prefetchRouteCode(routesRecording(loaded), path);
    expect(loaded).toEqual(expected);
  });

  it('leaves a failed download to the router, which loads the route again and reports it', () => {
    const failed = Promise.reject(new Error('offline'));
    const handled = jest.spyOn(failed, 'catch');
    prefetchRouteCode([{ path: 'status', loadChildren: () => failed }], '/status');
    // Handled here, so no unhandled rejection is reported for a download the router will retry.
    expect(handled).toHaveBeenCalled();
  });
});

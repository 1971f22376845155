import { listRoutePolicies } from '@aidial/api/core';
import { type TestApp, startTestApp } from './support/test-app';

/**
 * Who can reach every route of the application. A change to this list is a security review: update the expected
 * list in the same commit as the route, and say why in the message.
 */
const EXPECTED_ROUTE_POLICIES = [
  { route: 'GET /api/auth/callback', access: 'public' },
  { route: 'GET /api/auth/login', access: 'public' },
  { route: 'GET /api/session', access: 'member' },
  { route: 'GET /health/live', access: 'public' },
  { route: 'GET /health/ready', access: 'public' },
  { route: 'POST /api/auth/logout', access: 'session' },
];

describe('route policies', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('declares access on every route', () => {
    const undeclared = listRoutePolicies(api.app).filter((policy) => policy.access === 'UNDECLARED');
    expect(undeclared).toEqual([]);
  });

  it('matches the reviewed list of who can reach what', () => {
    expect(listRoutePolicies(api.app)).toEqual(EXPECTED_ROUTE_POLICIES);
  });
});

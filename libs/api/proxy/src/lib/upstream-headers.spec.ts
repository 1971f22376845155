import { projectsHeader, returnedResponseHeaders, upstreamRequestHeaders } from './upstream-headers';

const SCOPE = {
  tenantId: 'tenant-1',
  clientId: 'client-1',
  projectIds: ['p1', 'p2'],
  actor: 'user:u1',
};

describe('headers sent to the platform API', () => {
  const incoming = {
    accept: 'application/json',
    'accept-language': 'en-AU',
    cookie: 'aidial_session=abc; XSRF-TOKEN=x',
    authorization: 'Bearer caller-token',
    'x-api-key': 'aidial_abcdefghijkl_secretsecretsecretsecret',
    'x-aidial-tenant': 'someone-else',
    'x-aidial-client': 'someone-else',
    'x-aidial-projects': '*',
    'x-aidial-actor': 'user:admin',
    connection: 'keep-alive, x-custom',
    'keep-alive': 'timeout=5',
    'transfer-encoding': 'chunked',
    upgrade: 'websocket',
    te: 'trailers',
    'proxy-authorization': 'Basic xyz',
    'x-custom': 'hop',
    'x-forwarded-for': '203.0.113.7',
    host: 'portal.example',
  };
  const sent = upstreamRequestHeaders(incoming, SCOPE, 'server-token', 'req-1');

  it('never passes on the caller’s X-API-Key, cookies, authorization or hop-by-hop headers', () => {
    for (const name of [
      'x-api-key',
      'cookie',
      'connection',
      'keep-alive',
      'transfer-encoding',
      'upgrade',
      'te',
      'proxy-authorization',
      'x-custom',
      'x-forwarded-for',
      'host',
    ]) {
      expect(sent).not.toHaveProperty(name);
    }
    expect(JSON.stringify(sent)).not.toContain('caller-token');
    expect(JSON.stringify(sent)).not.toContain('aidial_abcdefghijkl');
  });

  it('sets the server’s bearer and the server-resolved scope, overwriting the caller’s scope headers', () => {
    expect(sent).toEqual({
      accept: 'application/json',
      'accept-language': 'en-AU',
      authorization: 'Bearer server-token',
      'x-request-id': 'req-1',
      'x-aidial-tenant': 'tenant-1',
      'x-aidial-client': 'client-1',
      'x-aidial-projects': 'p1,p2',
      'x-aidial-actor': 'user:u1',
    });
  });

  it('leaves the client header out when there is no customer (internal callers) and says * for every project', () => {
    const internal = upstreamRequestHeaders(
      { 'x-aidial-client': 'forged' },
      { ...SCOPE, clientId: null, projectIds: null },
      't',
      'r',
    );
    expect(internal).not.toHaveProperty('x-aidial-client');
    expect(internal['x-aidial-projects']).toBe('*');
  });

  it('says - for an empty project list (no project), never * ', () => {
    expect(projectsHeader([])).toBe('-');
  });
});

describe('headers passed back from the platform API', () => {
  it('passes back content headers only, never Set-Cookie or hop-by-hop headers', () => {
    const upstream = {
      'content-type': 'application/json',
      etag: '"v1"',
      'set-cookie': ['platform=1'],
      connection: 'close',
      server: 'platform/1.2',
      'x-internal-host': '10.0.0.5',
    };
    expect(returnedResponseHeaders(upstream)).toEqual({ 'content-type': 'application/json', etag: '"v1"' });
  });
});

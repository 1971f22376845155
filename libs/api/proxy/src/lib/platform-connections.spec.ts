import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PlatformConnections, UpstreamTimeoutError, UpstreamTooLargeError } from './platform-connections';

const LIMIT = 1024;

describe('connections to the platform API', () => {
  let server: Server;
  let handle: (req: IncomingMessage, res: ServerResponse) => void;
  let connections: PlatformConnections;

  beforeAll(async () => {
    server = createServer((req, res) => handle(req, res));
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as AddressInfo;
    connections = new PlatformConnections(new URL(`http://127.0.0.1:${port}/`), 200, LIMIT);
  });
  afterAll(async () => {
    connections.close();
    server.closeAllConnections();
    await new Promise((closed) => server.close(closed));
  });

  it('sends only the headers given and answers the status, headers and body', async () => {
    let seen: IncomingMessage | undefined;
    handle = (req, res) => {
      seen = req;
      res.writeHead(200, { 'content-type': 'application/json', etag: '"v1"' }).end('{"ok":true}');
    };
    const answer = await connections.get('/calls?limit=5', { authorization: 'Bearer t', 'x-aidial-tenant': 'a' });
    expect(answer.status).toBe(200);
    expect(answer.headers['etag']).toBe('"v1"');
    expect(answer.body.toString()).toBe('{"ok":true}');
    expect(seen?.url).toBe('/calls?limit=5');
    expect(seen?.headers['authorization']).toBe('Bearer t');
    expect(Object.keys(seen?.headers ?? {}).sort()).toEqual(['authorization', 'connection', 'host', 'x-aidial-tenant']);
  });

  it('answers a redirect as a status, without following it', async () => {
    handle = (req, res) => res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
    expect((await connections.get('/calls', {})).status).toBe(302);
  });

  it('refuses an answer whose declared length passes the limit', async () => {
    handle = (req, res) => res.writeHead(200, { 'content-length': LIMIT + 1 }).end('x'.repeat(LIMIT + 1));
    await expect(connections.get('/calls', {})).rejects.toBeInstanceOf(UpstreamTooLargeError);
  });

  it('refuses an undeclared (chunked) answer once its bytes pass the limit', async () => {
    handle = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('x'.repeat(LIMIT));
      setTimeout(() => res.end('x'.repeat(LIMIT)), 10);
    };
    await expect(connections.get('/calls', {})).rejects.toBeInstanceOf(UpstreamTooLargeError);
  });

  it('gives up on an answer that does not complete within the deadline, even once it has started', async () => {
    handle = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
    };
    await expect(connections.get('/calls', {})).rejects.toBeInstanceOf(UpstreamTimeoutError);
  });

  it('fails with the socket’s error when nothing listens', async () => {
    const nowhere = new PlatformConnections(new URL('http://127.0.0.1:1/'), 1_000, LIMIT);
    await expect(nowhere.get('/calls', {})).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    nowhere.close();
  });
});

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingHttpHeaders, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { type TestApp, startTestApp } from './support/test-app';

/** The portal's script, long enough to be worth compressing. */
const SCRIPT = `${'export const answer = () => console.log("the portal");\n'.repeat(200)}`;

/** A GET with `headers`, answered with the bytes as sent (fetch would decode them). */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    }).on('error', reject);
  });
}

describe('serving the built portal from the API origin', () => {
  let api: TestApp;
  let portalDir: string;

  beforeAll(async () => {
    portalDir = mkdtempSync(join(tmpdir(), 'aidial-portal-'));
    mkdirSync(join(portalDir, 'media'));
    writeFileSync(
      join(portalDir, 'index.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>AiDial Access</title><base href="/">' +
        '<meta name="viewport" content="width=device-width, initial-scale=1">' +
        '<meta name="description" content="AiDial Access: the AiDial portal for customers, partners and AiDial staff.">' +
        '<link rel="icon" type="image/svg+xml" href="favicon.svg"></head>' +
        '<body><aidial-root></aidial-root><script src="main-ABCDEFGH.js" type="module"></script></body></html>',
    );
    writeFileSync(join(portalDir, 'main-ABCDEFGH.js'), SCRIPT);
    writeFileSync(join(portalDir, 'favicon.ico'), 'icon');
    api = await startTestApp({ env: { PORTAL_DIR: portalDir } });
  });
  afterAll(async () => {
    await api.close();
    rmSync(portalDir, { recursive: true, force: true });
  });

  it.each(['/', '/status', '/settings/profile'])(
    'answers the navigation %s with index.html, revalidated every time',
    async (path) => {
      const response = await fetch(`${api.baseUrl}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<aidial-root>');
    },
  );

  it('caches fingerprinted files for a year and others not at all', async () => {
    const hashed = await fetch(`${api.baseUrl}/main-ABCDEFGH.js`);
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const plain = await fetch(`${api.baseUrl}/favicon.ico`);
    expect(plain.headers.get('cache-control')).toBe('no-cache');
  });

  it('sends text files compressed with brotli, else gzip, as the browser accepts, and as they are otherwise', async () => {
    const url = `${api.baseUrl}/main-ABCDEFGH.js`;
    const brotli = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['vary']).toMatch(/accept-encoding/i);
    expect(brotli.headers['content-type']).toMatch(/javascript/);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.body.length).toBeLessThan(SCRIPT.length / 10);
    expect(brotliDecompressSync(brotli.body).toString('utf8')).toBe(SCRIPT);

    const gzip = await rawGet(url, { 'accept-encoding': 'gzip, deflate' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString('utf8')).toBe(SCRIPT);

    const plain = await rawGet(url, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/accept-encoding/i);
    expect(plain.body.toString('utf8')).toBe(SCRIPT);
  });

  it('answers a navigation compressed too, and its revalidation with 304 while index.html is unchanged', async () => {
    const first = await rawGet(`${api.baseUrl}/status`, { 'accept-encoding': 'gzip' });
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(first.body).toString('utf8')).toContain('<aidial-root>');
    const etag = first.headers['etag'];
    expect(etag).toBeTruthy();

    const again = await rawGet(`${api.baseUrl}/settings/profile`, {
      'accept-encoding': 'gzip',
      'if-none-match': String(etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // Another encoding is other bytes: not the same validator.
    const brotli = await rawGet(`${api.baseUrl}/status`, { 'accept-encoding': 'br', 'if-none-match': String(etag) });
    expect(brotli.status).toBe(200);
  });

  it('answers a missing file with the 404 envelope, not the portal', async () => {
    const response = await fetch(`${api.baseUrl}/main-MISSING1.js`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found' });
  });

  it.each(['/api/unknown', '/v1/unknown', '/health/unknown'])('leaves %s to the API (404 envelope)', async (path) => {
    const response = await fetch(`${api.baseUrl}${path}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found' });
  });

  it('does not serve files outside the portal folder', async () => {
    const response = await fetch(`${api.baseUrl}/..%2f..%2fetc%2fpasswd`);
    expect(response.status).not.toBe(200);
    expect(await response.text()).not.toContain('root:');
  });
});

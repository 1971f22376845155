import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestApp, startTestApp } from './support/test-app';

describe('serving the built portal from the API origin', () => {
  let api: TestApp;
  let portalDir: string;

  beforeAll(async () => {
    portalDir = mkdtempSync(join(tmpdir(), 'aidial-portal-'));
    mkdirSync(join(portalDir, 'media'));
    writeFileSync(
      join(portalDir, 'index.html'),
      '<!doctype html><title>AiDial Access</title><aidial-root></aidial-root>',
    );
    writeFileSync(join(portalDir, 'main-ABCDEFGH.js'), 'console.log("portal")');
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

import { createHash } from 'node:crypto';
import { type DevIdp, startDevIdp } from '@aidial/stand-ins/testing';

describe('the hosted pages under their own content security policy', () => {
  let idp: DevIdp;

  beforeAll(async () => {
    idp = await startDevIdp();
  });
  afterAll(() => idp.stop());

  it('serves each inline script exactly as the policy hashes it (a browser would block it otherwise)', async () => {
    const response = await fetch(new URL('/dev/outbox', idp.issuer));
    const policy = response.headers.get('content-security-policy') ?? '';
    const scripts = [...(await response.text()).matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
      (match) => match[1] ?? '',
    );
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const hash = createHash('sha256').update(script).digest('base64');
      expect(policy).toContain(`'sha256-${hash}'`);
    }
  });
});

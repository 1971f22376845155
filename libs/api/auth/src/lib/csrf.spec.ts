import { isCrossSiteUnsafe } from './csrf';

const PORTAL = 'https://portal.example';
const req = (method: string, headers: Record<string, string>) => ({ method, headers }) as never;

describe('isCrossSiteUnsafe', () => {
  it.each([
    ['POST', { 'sec-fetch-site': 'cross-site' }, true],
    ['DELETE', { origin: 'https://attacker.example' }, true],
    ['PUT', { origin: 'null' }, true],
    ['POST', { origin: 'https://portal.example.attacker.example' }, true],
    ['POST', { 'sec-fetch-site': 'same-site', origin: 'https://sub.portal.example' }, true],
    ['POST', { 'sec-fetch-site': 'same-origin', origin: PORTAL }, false],
    ['POST', {}, false],
    ['GET', { 'sec-fetch-site': 'cross-site', origin: 'https://attacker.example' }, false],
  ] as const)('%s with %j → refused: %s', (method, headers, refused) => {
    expect(isCrossSiteUnsafe(req(method, headers), PORTAL)).toBe(refused);
  });
});

import { hasBrowserSignals } from './browser-signals';

describe('browser signals', () => {
  it.each([
    [{ origin: 'https://evil.example' }],
    [{ cookie: 'a=b' }],
    [{ 'sec-fetch-site': 'cross-site' }],
    [{ 'sec-fetch-dest': 'empty' }],
    [{ 'sec-fetch-user': '?1' }],
    [{ 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'none' }],
  ])('sees %j as a browser', (headers) => {
    expect(hasBrowserSignals(headers)).toBe(true);
  });

  it('lets a server-side call through', () => {
    expect(hasBrowserSignals({ 'x-api-key': 'aidial_x', 'user-agent': 'curl/8', accept: '*/*' })).toBe(false);
  });

  it('lets Node.js fetch through: undici sends Sec-Fetch-Mode: cors on every request, and nothing else of the set', () => {
    expect(hasBrowserSignals({ 'x-api-key': 'aidial_x', 'user-agent': 'node', 'sec-fetch-mode': 'cors' })).toBe(false);
  });
});

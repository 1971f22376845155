import { type UserAgentSummary, describeUserAgent } from './user-agent';

describe('describeUserAgent', () => {
  // Real User-Agent headers as the browsers send them.
  const table: Array<[label: string, userAgent: string, expected: UserAgentSummary]> = [
    [
      'Chrome on macOS',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      { browser: 'Chrome 131', os: 'macOS', device: 'desktop' },
    ],
    [
      'Chrome on Windows',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
      { browser: 'Chrome 130', os: 'Windows 10/11', device: 'desktop' },
    ],
    [
      'Edge on Windows',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
      { browser: 'Edge 131', os: 'Windows 10/11', device: 'desktop' },
    ],
    [
      'legacy Edge',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045',
      { browser: 'Edge 18', os: 'Windows 10/11', device: 'desktop' },
    ],
    [
      'Firefox on Windows 7',
      'Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0',
      { browser: 'Firefox 115', os: 'Windows 7', device: 'desktop' },
    ],
    [
      'Firefox on Linux',
      'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
      { browser: 'Firefox 133', os: 'Linux', device: 'desktop' },
    ],
    [
      'Firefox on Ubuntu',
      'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
      { browser: 'Firefox 128', os: 'Linux', device: 'desktop' },
    ],
    [
      'Safari on macOS',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
      { browser: 'Safari 18', os: 'macOS', device: 'desktop' },
    ],
    [
      'Safari on iPhone',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1',
      { browser: 'Safari 17', os: 'iOS 17', device: 'mobile' },
    ],
    [
      'Safari on iPad',
      'Mozilla/5.0 (iPad; CPU OS 16_7_10 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
      { browser: 'Safari 16', os: 'iOS 16', device: 'tablet' },
    ],
    [
      'Chrome on iPhone',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
      { browser: 'Chrome 131', os: 'iOS 18', device: 'mobile' },
    ],
    [
      'Firefox on iPhone',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/132.0 Mobile/15E148 Safari/605.1.15',
      { browser: 'Firefox 132', os: 'iOS 17', device: 'mobile' },
    ],
    [
      'Edge on iPhone',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 EdgiOS/131.2903.68 Mobile/15E148 Safari/605.1.15',
      { browser: 'Edge 131', os: 'iOS 17', device: 'mobile' },
    ],
    [
      'Chrome on an Android phone',
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36',
      { browser: 'Chrome 131', os: 'Android 14', device: 'mobile' },
    ],
    [
      'Chrome on an Android tablet',
      'Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
      { browser: 'Chrome 130', os: 'Android 13', device: 'tablet' },
    ],
    [
      'Chrome on Android with the reduced user agent',
      'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
      { browser: 'Chrome 131', os: 'Android 10', device: 'mobile' },
    ],
    [
      'Firefox on Android',
      'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0',
      { browser: 'Firefox 133', os: 'Android 14', device: 'mobile' },
    ],
    [
      'Samsung Internet',
      'Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
      { browser: 'Samsung Internet 26', os: 'Android 14', device: 'mobile' },
    ],
    [
      'Opera on Windows',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0',
      { browser: 'Opera 115', os: 'Windows 10/11', device: 'desktop' },
    ],
    [
      'Opera on Android',
      'Mozilla/5.0 (Linux; Android 13; SM-A515F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Mobile Safari/537.36 OPR/85.0.0.0',
      { browser: 'Opera 85', os: 'Android 13', device: 'mobile' },
    ],
    [
      'Chrome on ChromeOS',
      'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      { browser: 'Chrome 131', os: 'ChromeOS', device: 'desktop' },
    ],
    [
      'Chrome on Windows 8.1',
      'Mozilla/5.0 (Windows NT 6.3; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36',
      { browser: 'Chrome 109', os: 'Windows 8.1', device: 'desktop' },
    ],
    [
      'an Android WebView',
      'Mozilla/5.0 (Linux; Android 12; SM-G991B Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.39 Mobile Safari/537.36',
      { browser: 'Chrome 131', os: 'Android 12', device: 'mobile' },
    ],
    ['curl', 'curl/8.5.0', { browser: null, os: null, device: 'unknown' }],
    [
      'a crawler',
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      { browser: 'Googlebot 2', os: null, device: 'unknown' },
    ],
    [
      'headless Chrome on Linux (what the browser tests run)',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
      { browser: 'Chrome 131', os: 'Linux', device: 'desktop' },
    ],
    ['nonsense', '¯\\_(ツ)_/¯', { browser: null, os: null, device: 'unknown' }],
  ];

  it.each(table)('describes %s', (_label, userAgent, expected) => {
    expect(describeUserAgent(userAgent)).toEqual(expected);
  });

  it.each([null, undefined, ''])('answers unknown without a user agent (%p)', (userAgent) => {
    expect(describeUserAgent(userAgent)).toEqual({ browser: null, os: null, device: 'unknown' });
  });

  it('answers an operating system without a version when the header gives none', () => {
    expect(describeUserAgent('Mozilla/5.0 (Linux; Android; Mobile) Gecko/1.0 Firefox/120.0')).toEqual({
      browser: 'Firefox 120',
      os: 'Android',
      device: 'mobile',
    });
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 5.1) Gecko/20100101 Firefox/52.0').os).toBe('Windows');
  });

  it('keeps to the first 512 characters, however long the header', () => {
    const padded = `Mozilla/5.0 (X11; Linux x86_64) ${'x'.repeat(10_000)} Chrome/131.0.0.0 Safari/537.36`;
    expect(describeUserAgent(padded)).toEqual({ browser: null, os: 'Linux', device: 'desktop' });
  });
});

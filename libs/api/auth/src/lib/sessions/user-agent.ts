/** How a session's browser is shown in "Your sessions": a kind of device. */
export const SESSION_DEVICES = ['desktop', 'mobile', 'tablet', 'unknown'] as const;
export type SessionDevice = (typeof SESSION_DEVICES)[number];

export interface UserAgentSummary {
  /** Name and major version, e.g. `Chrome 131`; null when not one of the browsers below. */
  readonly browser: string | null;
  /** e.g. `macOS`, `Windows 10/11`, `Android 14`, `iOS 17`; null when not recognised. */
  readonly os: string | null;
  readonly device: SessionDevice;
}

const UNKNOWN: UserAgentSummary = { browser: null, os: null, device: 'unknown' };

/**
 * Browsers by the token that names them, most specific first: Edge, Opera and Samsung Internet also send `Chrome/`,
 * every iOS browser also sends `Safari/`, and Safari alone names its version in `Version/`.
 */
const BROWSERS: ReadonlyArray<readonly [name: string, pattern: RegExp]> = [
  ['Edge', /\b(?:Edg|Edge|EdgA|EdgiOS)\/(\d+)/],
  ['Opera', /\b(?:OPR|OPiOS|OPT)\/(\d+)/],
  ['Samsung Internet', /\bSamsungBrowser\/(\d+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /\b(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)(?:\.\d+)*(?: Mobile\/\S+)? Safari\//],
];

/** Windows NT versions: since Windows 11 the token stays `10.0`, so 10 and 11 cannot be told apart. */
const WINDOWS_VERSIONS: Readonly<Record<string, string>> = {
  '10.0': 'Windows 10/11',
  '6.3': 'Windows 8.1',
  '6.2': 'Windows 8',
  '6.1': 'Windows 7',
};

/**
 * A coarse, human description of a `User-Agent` header for the session list: browser and major version, operating
 * system, kind of device. Deliberately small: anything it does not recognise is null / `unknown`, never a guess.
 * Limits of the header itself: macOS is frozen at 10.15.7 (no version shown), Windows 11 says 10.0, and an iPad asking
 * for desktop sites says it is a Mac.
 */
export function describeUserAgent(userAgent: string | null | undefined): UserAgentSummary {
  if (!userAgent) return UNKNOWN;
  const ua = userAgent.slice(0, 512);
  return { browser: browserOf(ua), os: osOf(ua), device: deviceOf(ua) };
}

function browserOf(ua: string): string | null {
  for (const [name, pattern] of BROWSERS) {
    const version = pattern.exec(ua)?.[1];
    if (version) return `${name} ${Number(version)}`;
  }
  return null;
}

function osOf(ua: string): string | null {
  const windows = /Windows NT (\d+\.\d+)/.exec(ua);
  if (windows) return WINDOWS_VERSIONS[windows[1] ?? ''] ?? 'Windows';
  if (/\b(?:iPhone|iPad|iPod)\b/.test(ua)) {
    const version = /\bOS (\d+)[_.\d]* like Mac OS X/.exec(ua)?.[1];
    return version ? `iOS ${Number(version)}` : 'iOS';
  }
  if (/\bAndroid\b/.test(ua)) {
    const version = /\bAndroid (\d+)/.exec(ua)?.[1];
    return version ? `Android ${Number(version)}` : 'Android';
  }
  if (/\bCrOS\b/.test(ua)) return 'ChromeOS';
  if (/\bMac OS X\b|\bMacintosh\b/.test(ua)) return 'macOS';
  if (/\bLinux\b|\bX11\b/.test(ua)) return 'Linux';
  return null;
}

function deviceOf(ua: string): SessionDevice {
  if (/\biPad\b|\bTablet\b/.test(ua)) return 'tablet';
  if (/\bAndroid\b/.test(ua)) return /\bMobile\b/.test(ua) ? 'mobile' : 'tablet';
  if (/\b(?:iPhone|iPod)\b|\bMobi/.test(ua)) return 'mobile';
  if (/\bWindows NT\b|\bMacintosh\b|\bCrOS\b|\bX11\b|\bLinux\b/.test(ua)) return 'desktop';
  return 'unknown';
}

import Bowser from 'bowser';

/** How a session's browser is shown in "Your sessions": a kind of device. */
export const SESSION_DEVICES = ['desktop', 'mobile', 'tablet', 'unknown'] as const;
export type SessionDevice = (typeof SESSION_DEVICES)[number];

export interface UserAgentSummary {
  /** Name and major version, e.g. `Chrome 131`; null when the parser does not know the browser. */
  readonly browser: string | null;
  /** e.g. `macOS`, `Windows 10/11`, `Android 14`, `iOS 17`; null when not recognised. */
  readonly os: string | null;
  readonly device: SessionDevice;
}

const UNKNOWN: UserAgentSummary = { browser: null, os: null, device: 'unknown' };

/** Browser names as people say them, where bowser's differ. */
const BROWSER_NAMES: Readonly<Record<string, string>> = {
  'Microsoft Edge': 'Edge',
  'Samsung Internet for Android': 'Samsung Internet',
  'Chrome Headless': 'Chrome',
  Chromium: 'Chromium',
};

/** Windows versions by bowser's `versionName`: since Windows 11 the header stays `NT 10.0`, so 10 and 11 are one. */
const WINDOWS_VERSIONS: Readonly<Record<string, string>> = {
  '10': 'Windows 10/11',
  '8.1': 'Windows 8.1',
  '8': 'Windows 8',
  '7': 'Windows 7',
};

/**
 * A coarse, human description of a `User-Agent` header for the session list: browser and major version, operating
 * system, kind of device, read by `bowser` (a maintained parser; MIT). What it does not recognise is null /
 * `unknown`, never a guess. Limits of the header itself: macOS is frozen at 10.15.7 (no version shown), Windows 11
 * says 10.0, and an iPad asking for desktop sites says it is a Mac.
 */
export function describeUserAgent(userAgent: string | null | undefined): UserAgentSummary {
  if (!userAgent?.trim()) return UNKNOWN;
  const parsed = Bowser.parse(userAgent.slice(0, 512));
  return { browser: browserOf(parsed.browser), os: osOf(parsed.os), device: deviceOf(parsed.platform.type) };
}

function major(version: string | undefined): number | null {
  const value = Number.parseInt(version ?? '', 10);
  return Number.isFinite(value) ? value : null;
}

function browserOf(browser: Bowser.Parser.Details): string | null {
  // bowser falls back to the header's first token; `Mozilla/5.0` is every browser's compatibility prefix, not a browser.
  if (!browser.name || browser.name === 'Mozilla') return null;
  const name = BROWSER_NAMES[browser.name] ?? browser.name;
  const version = major(browser.version);
  return version === null ? name : `${name} ${version}`;
}

function osOf(os: Bowser.Parser.OSDetails): string | null {
  switch (os.name) {
    case 'Windows':
      return WINDOWS_VERSIONS[os.versionName ?? ''] ?? 'Windows';
    case 'iOS':
    case 'Android': {
      const version = major(os.version);
      return version === null ? os.name : `${os.name} ${version}`;
    }
    case 'macOS':
      return 'macOS';
    case 'Chrome OS':
      return 'ChromeOS';
    case 'Linux':
      return 'Linux';
    case undefined:
    case '':
      return null;
    default:
      return os.name;
  }
}

function deviceOf(type: string | undefined): SessionDevice {
  return type === 'desktop' || type === 'mobile' || type === 'tablet' ? type : 'unknown';
}

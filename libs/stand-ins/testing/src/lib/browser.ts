/**
 * Just enough of a browser to walk the provider's pages over real HTTP: a cookie jar (name, path), redirects followed
 * within the provider, forms submitted with their hidden fields, and self-submitting forms submitted (logout, and
 * oidc-provider's form posts). It stops where the provider sends the browser to another origin (the application).
 */
export interface Page {
  readonly url: string;
  readonly status: number;
  readonly body: string;
  /** True when the provider redirected the browser away (`url` is then the application's URL). */
  readonly left: boolean;
}

export interface Form {
  readonly action: string;
  readonly method: string;
  readonly fields: Record<string, string>;
  readonly autosubmit: boolean;
}

interface Cookie {
  readonly name: string;
  readonly value: string;
  readonly path: string;
}

export class Browser {
  private readonly origin: string;
  private cookies: Cookie[] = [];

  constructor(issuer: string) {
    this.origin = new URL(issuer).origin;
  }

  async open(url: string): Promise<Page> {
    return this.request('GET', new URL(url, this.origin).toString());
  }

  /** Posts a form that is not on any page (what another site, or a forger, could send). */
  async post(path: string, fields: Record<string, string>): Promise<Page> {
    return this.request('POST', new URL(path, this.origin).toString(), fields);
  }

  /** Submits the page's form whose action ends with `actionSuffix`, with its hidden fields plus `fields`. */
  async submit(page: Page, actionSuffix: string, fields: Record<string, string> = {}): Promise<Page> {
    const form = findForm(page, actionSuffix);
    return this.request('POST', new URL(form.action, page.url).toString(), { ...form.fields, ...fields });
  }

  private async request(method: string, url: string, form?: Record<string, string>): Promise<Page> {
    let current = { method, url, form };
    for (let hops = 0; hops < 20; hops += 1) {
      const target = new URL(current.url);
      if (target.origin !== this.origin) return { url: current.url, status: 0, body: '', left: true };
      const response = await fetch(target, {
        method: current.method,
        redirect: 'manual',
        headers: {
          cookie: this.cookieHeader(target.pathname),
          ...(current.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: current.form ? new URLSearchParams(current.form).toString() : undefined,
      });
      this.store(response.headers.getSetCookie());
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.arrayBuffer();
        current = { method: 'GET', url: new URL(location, target).toString(), form: undefined };
        continue;
      }
      const body = await response.text();
      const page: Page = { url: target.toString(), status: response.status, body, left: false };
      const autosubmit = forms(page).find((candidate) => candidate.autosubmit);
      if (!autosubmit) return page;
      current = { method: 'POST', url: new URL(autosubmit.action, target).toString(), form: autosubmit.fields };
    }
    throw new Error(`too many redirects from ${url}`);
  }

  private cookieHeader(path: string): string {
    return this.cookies
      .filter(
        (cookie) =>
          path === cookie.path || path.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`),
      )
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }

  private store(setCookies: string[]): void {
    for (const header of setCookies) {
      const [pair, ...attributes] = header.split(';').map((part) => part.trim());
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      const path = attributes.find((attribute) => /^path=/i.test(attribute))?.slice(5) || '/';
      const expires = attributes.find((attribute) => /^expires=/i.test(attribute))?.slice(8);
      const maxAge = attributes.find((attribute) => /^max-age=/i.test(attribute))?.slice(8);
      const deleted = value === '' || (expires !== undefined && Date.parse(expires) <= Date.now()) || maxAge === '0';
      this.cookies = this.cookies.filter((cookie) => !(cookie.name === name && cookie.path === path));
      if (!deleted) this.cookies.push({ name, value, path });
    }
  }
}

export function forms(page: Page): Form[] {
  return [...page.body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].map(([, attributeText, inner]) => {
    const attributes = parseAttributes(attributeText);
    const fields: Record<string, string> = {};
    for (const [, inputAttributes] of inner.matchAll(/<input\b([^>]*)>/gi)) {
      const input = parseAttributes(inputAttributes);
      if (input.name !== undefined && (input.type === 'hidden' || input.value !== undefined)) {
        fields[input.name] = input.value ?? '';
      }
    }
    return {
      action: attributes.action ?? '',
      method: (attributes.method ?? 'get').toLowerCase(),
      fields,
      autosubmit: 'data-autosubmit' in attributes || /document\.forms\[0\]\.submit\(\)/.test(page.body),
    };
  });
}

export function findForm(page: Page, actionSuffix: string): Form {
  const form = forms(page).find((candidate) => candidate.action.split('?')[0].endsWith(actionSuffix));
  if (!form) {
    const actions = forms(page).map((candidate) => candidate.action);
    throw new Error(
      `no form posting to …${actionSuffix} on ${page.url} (forms: ${actions.join(', ') || 'none'}):\n${page.body}`,
    );
  }
  return form;
}

/** The page's `<h1>`. */
export function heading(page: Page): string {
  return decode(/<h1>([\s\S]*?)<\/h1>/.exec(page.body)?.[1] ?? '').trim();
}

/** The text of the page's `role="alert"` message, or undefined. */
export function alertText(page: Page): string | undefined {
  const match = /<p class="alert" role="alert">([\s\S]*?)<\/p>/.exec(page.body);
  return match ? decode(match[1]).trim() : undefined;
}

/** The value attribute of the input with this id. */
export function inputValue(page: Page, id: string): string | undefined {
  for (const [, attributeText] of page.body.matchAll(/<input\b([^>]*)>/gi)) {
    const attributes = parseAttributes(attributeText);
    if (attributes.id === id) return attributes.value ?? '';
  }
  return undefined;
}

/** Links on the page, by their text. */
export function links(page: Page): { text: string; href: string }[] {
  return [...page.body.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/gi)].map(([, attributeText, text]) => ({
    text: decode(text.replace(/<[^>]+>/g, '')).trim(),
    href: parseAttributes(attributeText).href ?? '',
  }));
}

function parseAttributes(text: string): Record<string, string | undefined> {
  const attributes: Record<string, string | undefined> = {};
  for (const [, name, doubleQuoted, singleQuoted] of text.matchAll(
    /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/g,
  )) {
    attributes[name.toLowerCase()] =
      doubleQuoted !== undefined || singleQuoted !== undefined ? decode(doubleQuoted ?? singleQuoted) : undefined;
  }
  return attributes;
}

export function decode(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

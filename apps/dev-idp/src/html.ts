import { createHash } from 'node:crypto';
import type { KoaContext } from 'oidc-provider';

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Markup that is already safe: built from escaped parts only. */
export interface Html {
  readonly html: string;
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1];
  });
  return { html: out };
}

function render(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object' && 'html' in value) return (value as Html).html;
  return escapeHtml(value);
}

/** Submits the page's form marked `data-autosubmit` as soon as it loads (logout confirmation, like Zitadel). */
const AUTOSUBMIT_SCRIPT =
  "document.addEventListener('DOMContentLoaded',function(){var f=document.querySelector('form[data-autosubmit]');if(f)f.submit();});";
const AUTOSUBMIT_HASH = createHash('sha256').update(AUTOSUBMIT_SCRIPT).digest('base64');

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f4f5f7}
.banner{background:#7a2e00;color:#fff;padding:.4rem 1rem;font-size:.85rem;text-align:center}
main{max-width:30rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
main.wide{max-width:48rem}h1{font-size:1.5rem;margin:.2rem 0 1rem}
label{display:block;font-weight:600;margin:.8rem 0 .3rem}
input[type=email],input[type=password],input[type=text],input[type=tel]{width:100%;padding:.6rem;font-size:1rem;border:1px solid #8a94a0;border-radius:4px}
input:focus,button:focus,a:focus{outline:3px solid #2f6fde;outline-offset:2px}
button{margin-top:1rem;padding:.6rem 1.2rem;font-size:1rem;border:0;border-radius:4px;background:#1f5bd1;color:#fff;cursor:pointer}
button.secondary{background:#e8ebef;color:#1b1f24}button.danger{background:#b42318}
.alert{padding:.7rem 1rem;border-radius:4px;background:#fdecea;color:#8a1c12;border:1px solid #f5c2bc}
.notice{padding:.7rem 1rem;border-radius:4px;background:#eef4ff;border:1px solid #c6d7f7}
.hint{color:#4b5563;font-size:.9rem}.links{margin-top:1.2rem;display:flex;flex-direction:column;gap:.4rem}
.inline{display:inline}code,.codes{font-family:ui-monospace,SFMono-Regular,Menlo,monospace}
.codes{columns:2;padding-left:1.2rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #e2e5e9;vertical-align:top}
`;

export interface PageOptions {
  readonly title: string;
  readonly body: Html;
  readonly status?: number;
  readonly wide?: boolean;
}

/** Sends a complete, self-contained page: inline style, no external assets, no script but the auto-submit one. */
export function sendPage(ctx: KoaContext, { title, body, status = 200, wide = false }: PageOptions): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', 'no-store');
  ctx.set(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${AUTOSUBMIT_HASH}'; base-uri 'none'; frame-ancestors 'none'`,
  );
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.body = pageHtml(title, body, wide);
}

export function pageHtml(title: string, body: Html, wide = false): string {
  return html`<!DOCTYPE html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · AiDial development identity provider</title>
        <style>
          ${{ html: STYLE }}
        </style>
        ${{ html: `<script>${AUTOSUBMIT_SCRIPT}</script>` /* exact text: the CSP allows this script by its hash */ }}
      </head>
      <body>
        <div class="banner" role="note">
          Development identity provider (a local Zitadel stand-in). Never used in production.
        </div>
        <main class="${wide ? 'wide' : ''}">
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`.html;
}

export function alert(message: string | undefined): Html {
  return message ? html`<p class="alert" role="alert">${message}</p>` : html``;
}

export function hiddenInputs(values: Record<string, string>): Html {
  return html`${Object.entries(values).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`)}`;
}

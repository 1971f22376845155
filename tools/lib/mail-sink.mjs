// The local stand-in for an SMTP relay (`npm start`): keeps every message the API sends (security notices) in memory
// and lists them on a page, so the notices can be read without a mail account. Loopback only; never a production path.
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';

const escape = (text) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]);

/** The subject and body as a person reads them: quoted-printable, base64 and encoded words undone. */
function readable(raw) {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const qp = (text) =>
    Buffer.from(
      text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? qp(body)
        : body;
  const subject = header('Subject').replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g, (_, kind, data) =>
    kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' ')),
  );
  return { subject, from: header('From'), text };
}

/** Starts the sink: SMTP on `smtpPort`, the page on `httpPort`, both on 127.0.0.1. Resolves `{ smtpPort, url, stop }`. */
export async function startMailSink({ smtpPort, httpPort }) {
  const messages = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 1024 * 1024,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.unshift({ at: new Date(), to: session.envelope.rcptTo.map((r) => r.address), ...readable(raw) });
        messages.splice(200);
        callback();
      });
    },
  });
  const page = createServer((req, res) => {
    if (req.url === '/messages.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(messages));
      return;
    }
    const items = messages
      .map(
        (m) =>
          `<article><h2>${escape(m.subject)}</h2><p class="meta">To ${escape(m.to.join(', '))} · ${m.at.toISOString()}</p><pre>${escape(m.text)}</pre></article>`,
      )
      .join('');
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
    res.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
        `<title>Local mail: security notices</title><style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}` +
        `article{border:1px solid #ccc;border-radius:.5rem;padding:0 1rem;margin-block:1rem}.meta{color:#555}pre{white-space:pre-wrap}</style></head>` +
        `<body><h1>Security notices sent by the local API</h1><p>The last ${messages.length} messages, newest first. ` +
        `Nothing here leaves this machine.</p>${items || '<p>No messages yet.</p>'}</body></html>`,
    );
  });
  await new Promise((done) => smtp.listen(smtpPort, '127.0.0.1', done));
  await new Promise((done) => page.listen(httpPort, '127.0.0.1', done));
  return {
    smtpPort,
    url: `http://localhost:${httpPort}`,
    stop: async () => {
      await new Promise((done) => smtp.close(done));
      await new Promise((done) => page.close(done));
    },
  };
}

import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as it arrived at the test SMTP server, decoded enough to check its content. */
export interface ReceivedMail {
  envelopeTo: string[];
  headers: Map<string, string>;
  /** The From header, encoded words decoded. */
  from: string;
  subject: string;
  text: string;
  html: string;
  raw: string;
  idempotencyKey: string | undefined;
}

function decodeQuotedPrintable(body: string): Buffer {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const char = joined[i]!;
    const hex = joined.slice(i + 1, i + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'quoted-printable':
      return decodeQuotedPrintable(body).toString('utf8');
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body;
  }
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=). */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_all, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')).toString('utf8'),
    );
}

function parseEntity(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

export function parseMail(raw: string, envelopeTo: string[]): ReceivedMail {
  const { headers, body } = parseEntity(raw);
  let text = '';
  let html = '';
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1)
        .filter((part) => !part.startsWith('--'))
        .map(parseEntity)
    : [{ headers, body }];
  for (const part of parts) {
    const type = part.headers.get('content-type') ?? 'text/plain';
    const decoded = decodeBody(part.body, part.headers.get('content-transfer-encoding'));
    if (type.startsWith('text/html')) html += decoded;
    else if (type.startsWith('text/plain')) text += decoded;
  }
  return {
    envelopeTo,
    headers,
    from: decodeHeader(headers.get('from') ?? ''),
    subject: decodeHeader(headers.get('subject') ?? ''),
    text,
    html,
    raw,
    idempotencyKey: headers.get('x-idempotency-key'),
  };
}

export interface TestSmtpServer {
  readonly port: number;
  readonly url: string;
  readonly mails: ReceivedMail[];
  /** Every mail accepted, kept or not (see `keepMails`). */
  readonly accepted: number;
  /** Distinct idempotency keys seen: what a deduplicating provider would deliver. */
  distinctKeys(): Set<string>;
  /** Closes the listening socket (connections are refused) until up() is called. */
  down(): Promise<void>;
  up(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `keepMails` bounds how many mails are kept in `mails` (all by default): a benchmark's burst of
 * 100,000 would otherwise hold every one in memory; the rest are counted in `accepted`.
 */
export async function startSmtpServer(
  port = 0,
  options: { keepMails?: number } = {},
): Promise<TestSmtpServer> {
  const mails: ReceivedMail[] = [];
  const keepMails = options.keepMails ?? Infinity;
  let accepted = 0;
  let server: SMTPServer | undefined;
  let boundPort = port;
  const listen = async () => {
    const instance = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          accepted++;
          if (mails.length < keepMails) mails.push(parseMail(Buffer.concat(chunks).toString('utf8'), to));
          callback();
        });
      },
    });
    instance.on('error', () => undefined);
    await new Promise<void>((resolve) => instance.listen(boundPort, '127.0.0.1', resolve));
    boundPort = (instance.server.address() as AddressInfo).port;
    server = instance;
  };
  const close = async () => {
    const current = server;
    server = undefined;
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };
  await listen();
  return {
    get port() {
      return boundPort;
    },
    get url() {
      return `smtp://127.0.0.1:${boundPort}`;
    },
    mails,
    get accepted() {
      return accepted;
    },
    distinctKeys: () => new Set(mails.map((mail) => mail.idempotencyKey ?? '')),
    down: close,
    up: listen,
    stop: close,
  };
}

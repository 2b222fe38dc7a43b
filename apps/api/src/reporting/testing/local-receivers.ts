import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';

/** One request the HTTP receiver got. */
export interface ReceivedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
}

/**
 * An HTTP server on 127.0.0.1 for webhook and Slack tests. It records every request and
 * responds with the status set for its path (200 unless set).
 */
export class LocalHttpReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly statuses = new Map<string, number>();
  private readonly server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      this.requests.push({
        path,
        headers: request.headers,
        rawBody: Buffer.concat(chunks).toString('utf8'),
      });
      response.statusCode = this.statuses.get(path) ?? 200;
      response.end('ok');
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  url(path: string): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}${path}`;
  }

  answer(path: string, status: number): void {
    this.statuses.set(path, status);
  }

  received(path: string): ReceivedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** One message the SMTP server accepted. */
export interface ReceivedMail {
  from: string;
  to: string[];
  user: string | null;
  raw: string;
}

/** A MIME part of a received message: its headers (lower-case names) and decoded body. */
export interface MailPart {
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * An SMTP server on 127.0.0.1 without TLS that requires the given login and records every
 * message.
 */
export class LocalSmtpServer {
  readonly messages: ReceivedMail[] = [];
  private readonly server: SMTPServer;

  constructor(login: { username: string; password: string }) {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      onAuth: (auth, _session, callback) => {
        if (auth.username === login.username && auth.password === login.password) {
          callback(null, { user: auth.username });
          return;
        }
        callback(new Error('Invalid username or password'));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            user: typeof session.user === 'string' ? session.user : null,
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
      logger: false,
    });
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * Splits a multipart message into its parts and decodes base64 bodies. Enough for the
 * messages nodemailer writes; not a general MIME parser.
 */
export function mailParts(raw: string): MailPart[] {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  if (!boundary) {
    return [];
  }
  return raw
    .split(`--${boundary}`)
    .slice(1)
    .filter((part) => !part.startsWith('--'))
    .map((part) => {
      const [head, ...rest] = part.replace(/^\r\n/, '').split('\r\n\r\n');
      const headers: Record<string, string> = {};
      for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon > 0) {
          headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
        }
      }
      const text = rest.join('\r\n\r\n').replace(/\r\n$/, '');
      const body =
        headers['content-transfer-encoding'] === 'base64'
          ? Buffer.from(text.replace(/\s+/g, ''), 'base64')
          : Buffer.from(text, 'utf8');
      return { headers, body };
    });
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSms {
  to: string;
  text: string;
  reference: string;
  idempotencyKey: string | undefined;
}

/** How the gateway answers the next request: an HTTP status, or never (a time-out). */
export type GatewayBehaviour = number | 'hang';

export interface TestSmsGateway {
  readonly url: string;
  /** Every accepted (2xx) request. */
  readonly accepted: ReceivedSms[];
  /** Every request, whatever the answer. */
  readonly requests: ReceivedSms[];
  behave(behaviour: GatewayBehaviour): void;
  distinctReferences(): Set<string>;
  stop(): Promise<void>;
}

/** A local stand-in for SMS_GATEWAY_URL. */
export async function startSmsGateway(): Promise<TestSmsGateway> {
  const accepted: ReceivedSms[] = [];
  const requests: ReceivedSms[] = [];
  let behaviour: GatewayBehaviour = 202;
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<ReceivedSms, 'idempotencyKey'>;
      const sms: ReceivedSms = {
        ...body,
        idempotencyKey: request.headers['idempotency-key'] as string | undefined,
      };
      requests.push(sms);
      if (behaviour === 'hang') {
        hanging.add(response);
        return;
      }
      if (behaviour >= 200 && behaviour < 300) accepted.push(sms);
      response.writeHead(behaviour, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    accepted,
    requests,
    behave(next) {
      behaviour = next;
    },
    distinctReferences: () => new Set(accepted.map((sms) => sms.reference)),
    async stop() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

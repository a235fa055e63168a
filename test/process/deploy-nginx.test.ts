import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { maxAttachmentBytes } from '../../src/modules/messages/attachment-service.js';
import { runCli, startCliServer, type StartedServer } from '../helpers/cli-process.js';
import {
  freePort,
  makeTempDir,
  masterKeyFile,
  missingTool,
  processDatabase,
  trustLocalProxyEnv,
  waitFor,
} from '../helpers/deploy-tools.js';
import {
  checkNginxConfig,
  httpsRequest,
  mainConfig,
  selfSignedCertificate,
  siteForTest,
  startNginx,
  type HttpsAnswer,
  type RunningNginx,
} from '../helpers/nginx-harness.js';
import { testDialect } from '../helpers/test-database.js';

/**
 * deploy/nginx/asiointitili.conf with Debian's nginx in front of two real `serve --role web`
 * processes (the compiled CLI) on one database, as docs/deployment.md sets them up.
 */
const skip =
  missingTool('nginx', 'Debian: apt-get install nginx') ||
  missingTool('openssl', 'Debian: apt-get install openssl');

describe(`the nginx example in front of two web processes (${testDialect})`, { skip }, () => {
  let dir: string;
  let configFile: string;
  let ca: string;
  let httpsPort: number;
  let httpPort: number;
  let accessLog: string;
  const backends: StartedServer[] = [];
  let database: Awaited<ReturnType<typeof processDatabase>> | undefined;
  let credentials: { username: string; password: string };

  before(async () => {
    dir = makeTempDir('nginx');
    const dataDir = path.join(dir, 'data');
    fs.mkdirSync(dataDir);
    database = await processDatabase(dataDir);
    httpsPort = await freePort();
    httpPort = await freePort();
    const env = {
      ...database.env,
      MASTER_KEY_FILE: masterKeyFile(dir),
      PUBLIC_URL: `https://localhost:${httpsPort}`,
      LOG_LEVEL: 'info',
      ...trustLocalProxyEnv(),
    };

    // As an operator would: the schema first, then an organisation with credentials that work
    // only from 127.0.0.2, then the two web processes.
    for (const args of [['migrate'], ['org', 'add', '--business-id', '1234567-1', '--name', 'Testikunta']]) {
      const result = await runCli(args, env);
      assert.equal(result.code, 0, result.stderr);
    }
    const created = await runCli(
      ['credentials', 'create', '--business-id', '1234567-1', '--allow-ip', '127.0.0.2'],
      env,
    );
    assert.equal(created.code, 0, created.stderr);
    credentials = JSON.parse(created.stdout) as { username: string; password: string };
    backends.push(await startCliServer(['serve', '--role', 'web'], env));
    backends.push(await startCliServer(['serve', '--role', 'web'], env));

    const certificate = selfSignedCertificate(dir);
    ca = fs.readFileSync(certificate.certificate, 'utf8');
    accessLog = path.join(dir, 'access.log');
    const sitePath = path.join(dir, 'asiointitili.conf');
    const [first, second] = backends.map((backend) => Number(new URL(backend.baseUrl).port)) as [
      number,
      number,
    ];
    fs.writeFileSync(
      sitePath,
      siteForTest({ httpsPort, httpPort, backendPorts: [first, second], accessLog, ...certificate }),
    );
    configFile = path.join(dir, 'nginx.conf');
    fs.writeFileSync(configFile, mainConfig(dir, sitePath));
  });

  after(async () => {
    await Promise.all(backends.map((backend) => backend.stop()));
    await database?.destroy();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('nginx -t accepts the example', () => {
    const checked = checkNginxConfig(dir, configFile);
    assert.ok(checked.ok, checked.output);
    assert.match(checked.output, /syntax is ok/);
  });

  describe('running', () => {
    let nginx: RunningNginx | undefined;
    before(async () => {
      nginx = await startNginx(dir, configFile, httpsPort);
    });
    after(async () => {
      await nginx?.stop();
    });

    const request = (
      requestPath: string,
      options: Omit<Parameters<typeof httpsRequest>[0], 'port' | 'ca' | 'path'> = {},
    ): Promise<HttpsAnswer> => httpsRequest({ port: httpsPort, ca, path: requestPath, ...options });

    async function token(localAddress: string, headers: Record<string, string> = {}): Promise<HttpsAnswer> {
      return request('/v1/token', {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', ...headers },
        body: Buffer.from(JSON.stringify(credentials)),
      });
    }

    test('requests are shared between both web processes, each id in one log and in nginx', async () => {
      const ids = Array.from({ length: 6 }, () => randomUUID());
      for (const id of ids) {
        const answer = await request('/', { headers: { 'x-request-id': id } });
        assert.equal(answer.status, 200);
        assert.equal(answer.headers['x-request-id'], id);
      }
      await waitFor('each request in a web process log', () =>
        ids.every((id) => backends.some((backend) => backend.output().includes(id))),
      );
      for (const id of ids) {
        assert.equal(backends.filter((backend) => backend.output().includes(id)).length, 1, id);
      }
      for (const backend of backends) {
        assert.ok(
          ids.some((id) => backend.output().includes(id)),
          `${backend.baseUrl} got none of the requests`,
        );
      }
      await waitFor('the nginx access log', () => {
        const log = fs.existsSync(accessLog) ? fs.readFileSync(accessLog, 'utf8') : '';
        return ids.every((id) => log.includes(`request_id=${id}`));
      });
      const log = fs.readFileSync(accessLog, 'utf8');
      for (const backend of backends)
        assert.match(log, new RegExp(`upstream=${new URL(backend.baseUrl).host}`));
    });

    test('the application sees the client address nginx saw, and no address the client claims', async () => {
      // The credentials work only from 127.0.0.2: through nginx, that must be decided by the
      // client's own address, although every connection to the web processes comes from nginx.
      const login = await token('127.0.0.2');
      assert.equal(login.status, 200, login.body);
      const { access_token: accessToken } = JSON.parse(login.body) as { access_token: string };
      const events = (localAddress: string, headers: Record<string, string> = {}) =>
        request('/v2/events', {
          localAddress,
          headers: { authorization: `Bearer ${accessToken}`, ...headers },
        });
      assert.equal((await events('127.0.0.2')).status, 200);
      const elsewhere = await events('127.0.0.1');
      assert.equal(elsewhere.status, 403, elsewhere.body);
      assert.match(elsewhere.body, /not allowed/);
      const claimed = await events('127.0.0.1', { 'x-forwarded-for': '127.0.0.2' });
      assert.equal(claimed.status, 403, claimed.body);
    });

    test('/metrics and /api-docs are refused by nginx, however the path is written', async () => {
      for (const refusedPath of [
        '/metrics',
        '/metrics?name[]=x',
        '/%6Detrics',
        '//metrics',
        '/metrics/',
        '/api-docs',
        '/api-docs/',
        '/api-docs/openapi.json',
        '/%61pi-docs',
      ]) {
        const answer = await request(refusedPath);
        assert.equal(answer.status, 403, refusedPath);
        assert.equal(answer.headers['x-request-id'], undefined, `${refusedPath} reached the application`);
      }
      // The application itself serves the reference: nginx is what keeps it in.
      const direct = await fetch(`${backends[0]!.baseUrl}/api-docs`);
      assert.equal(direct.status, 200);
    });

    test('a largest attachment (10 MiB file, about 10.5 MB request) passes; 12 MB is refused by nginx', async () => {
      const login = await token('127.0.0.2');
      const { access_token: accessToken } = JSON.parse(login.body) as { access_token: string };
      const upload = (file: Buffer) => {
        const boundary = `----asiointitili${randomUUID()}`;
        const body = Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="liite.txt"\r\n` +
              'Content-Type: text/plain\r\n\r\n',
          ),
          file,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
        return {
          size: body.length,
          answer: request('/v2/attachments', {
            method: 'POST',
            localAddress: '127.0.0.2',
            headers: {
              authorization: `Bearer ${accessToken}`,
              'content-type': `multipart/form-data; boundary=${boundary}`,
            },
            body,
          }),
        };
      };

      const largest = upload(Buffer.alloc(maxAttachmentBytes, 'a'));
      assert.ok(largest.size > 10_485_760 && largest.size < 11 * 1024 * 1024, String(largest.size));
      const stored = await largest.answer;
      assert.equal(stored.status, 201, stored.body);
      assert.match(stored.body, /attachmentId/);

      const tooLarge = upload(Buffer.alloc(12_000_000, 'a'));
      const refused = await tooLarge.answer;
      assert.equal(refused.status, 413);
      assert.equal(refused.headers['x-request-id'], undefined, 'the 12 MB request reached the application');
      assert.match(refused.body, /413 Request Entity Too Large/);
    });

    test('plain HTTP is redirected to HTTPS', async () => {
      const answer = await new Promise<http.IncomingMessage>((resolve, reject) =>
        http.get({ host: '127.0.0.1', port: httpPort, path: '/mailbox?x=1' }, resolve).on('error', reject),
      );
      answer.resume();
      assert.equal(answer.statusCode, 301);
      assert.match(answer.headers.location ?? '', /^https:\/\/[^/]+\/mailbox\?x=1$/);
    });

    test('while one web process is stopped (an upgrade restarts them in turn) the other answers all', async () => {
      assert.equal(await backends[0]!.stop(), 0);
      const ids = Array.from({ length: 4 }, () => randomUUID());
      for (const id of ids) {
        const answer = await request('/', { headers: { 'x-request-id': id } });
        assert.equal(answer.status, 200);
      }
      await waitFor('the requests in the remaining process log', () =>
        ids.every((id) => backends[1]!.output().includes(id)),
      );
    });
  });
});

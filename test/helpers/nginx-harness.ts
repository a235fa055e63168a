import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/project-root.js';
import { toolPath, waitFor } from './deploy-tools.js';

/**
 * Runs the nginx example (deploy/nginx/asiointitili.conf) as it is, with only the lines that name
 * this machine's resources changed: listen ports, certificate, backends, log file. Everything else
 * (proxy headers, body size, denied locations) is what an operator installs.
 */

export const nginxExample = path.join(projectRoot, 'deploy/nginx/asiointitili.conf');

export interface SiteForTest {
  httpsPort: number;
  httpPort: number;
  backendPorts: [number, number];
  certificate: string;
  certificateKey: string;
  accessLog: string;
}

/** Replaces `from` exactly `count` times, so a changed example fails here rather than silently. */
function replaceExactly(text: string, from: string, to: string, count: number): string {
  const found = text.split(from).length - 1;
  if (found !== count) throw new Error(`nginx example: expected ${count} × "${from}", found ${found}`);
  return text.split(from).join(to);
}

export function siteForTest(site: SiteForTest): string {
  let text = fs.readFileSync(nginxExample, 'utf8');
  text = replaceExactly(text, '    listen [::]:443 ssl http2;\n', '', 1);
  text = replaceExactly(text, '    listen [::]:80;\n', '', 1);
  text = replaceExactly(text, 'listen 443 ssl http2;', `listen 127.0.0.1:${site.httpsPort} ssl http2;`, 1);
  text = replaceExactly(text, 'listen 80;', `listen 127.0.0.1:${site.httpPort};`, 1);
  text = replaceExactly(text, 'server 127.0.0.1:3001 ', `server 127.0.0.1:${site.backendPorts[0]} `, 1);
  text = replaceExactly(text, 'server 127.0.0.1:3002 ', `server 127.0.0.1:${site.backendPorts[1]} `, 1);
  text = replaceExactly(text, '/etc/ssl/asiointitili/fullchain.pem', site.certificate, 1);
  text = replaceExactly(text, '/etc/ssl/asiointitili/privkey.pem', site.certificateKey, 1);
  text = replaceExactly(text, '/var/log/nginx/asiointitili.access.log', site.accessLog, 2);
  return text;
}

/** A self-signed certificate for localhost and 127.0.0.1, made with openssl. */
export function selfSignedCertificate(dir: string): { certificate: string; certificateKey: string } {
  const certificate = path.join(dir, 'certificate.pem');
  const certificateKey = path.join(dir, 'certificate-key.pem');
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      certificateKey,
      '-out',
      certificate,
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
  return { certificate, certificateKey };
}

/**
 * The main configuration around the site: Debian's nginx.conf supplies these parts (user, pid,
 * events, temp paths) on a real host; here they point into the test's own directory.
 */
export function mainConfig(dir: string, sitePath: string): string {
  const temp = (name: string) => {
    const made = path.join(dir, name);
    fs.mkdirSync(made, { recursive: true });
    return made;
  };
  // nginx started by root hands the work to `nobody`, who cannot enter mkdtemp's 0700 directories.
  const user = process.getuid?.() === 0 ? `user ${os.userInfo().username};\n` : '';
  return (
    user +
    `pid ${path.join(dir, 'nginx.pid')};\n` +
    `error_log ${path.join(dir, 'error.log')} info;\n` +
    'worker_processes 1;\n' +
    'events { worker_connections 64; }\n' +
    'http {\n' +
    `  client_body_temp_path ${temp('client-body')};\n` +
    `  proxy_temp_path ${temp('proxy')};\n` +
    `  fastcgi_temp_path ${temp('fastcgi')};\n` +
    `  uwsgi_temp_path ${temp('uwsgi')};\n` +
    `  scgi_temp_path ${temp('scgi')};\n` +
    `  include ${sitePath};\n` +
    '}\n'
  );
}

function nginxArgs(dir: string, configFile: string): string[] {
  return ['-p', dir, '-c', configFile, '-e', path.join(dir, 'error.log')];
}

/** `nginx -t`: parses the configuration, opens its files and certificates, binds nothing. */
export function checkNginxConfig(dir: string, configFile: string): { ok: boolean; output: string } {
  const result = spawnSync(toolPath('nginx'), ['-t', ...nginxArgs(dir, configFile)], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

export interface RunningNginx {
  process: ChildProcess;
  stop(): Promise<void>;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** Starts nginx in the foreground and waits until it accepts connections on `port`. */
export async function startNginx(dir: string, configFile: string, port: number): Promise<RunningNginx> {
  const pidFile = path.join(dir, 'nginx.pid');
  const child = spawn(toolPath('nginx'), [...nginxArgs(dir, configFile), '-g', 'daemon off;'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );
  await waitFor('nginx to write its pid file', () => exited || fs.existsSync(pidFile));
  while (!exited && !(await accepts(port))) await new Promise((resolve) => setTimeout(resolve, 25));
  if (exited) throw new Error(`nginx did not start: ${fs.readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
  return {
    process: child,
    async stop() {
      if (!exited) child.kill('SIGQUIT');
      await exit;
    },
  };
}

export interface HttpsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One request to nginx over TLS, trusting only the test certificate. `localAddress` picks the
 * client's address on the loopback network (127.0.0.2 and so on), which nginx reports onwards.
 */
export function httpsRequest(options: {
  port: number;
  ca: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer;
  localAddress?: string;
}): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = https.request(
      {
        host: '127.0.0.1',
        port: options.port,
        servername: 'localhost',
        ca: options.ca,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
        localAddress: options.localAddress,
        agent: false,
      },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    // nginx may answer (413) and close before the whole body is sent; the answer is what counts.
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    request.end(options.body);
  });
}

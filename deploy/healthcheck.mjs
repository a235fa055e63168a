#!/usr/bin/env node
// Container health check without curl: exits 0 when the process answers GET /healthz, 1 otherwise.
// It asks the operators' listener (METRICS_PORT, METRICS_HOST) when there is one, because that is the
// only port a `--role worker` process has; otherwise the main listener (PORT, HOST). A listener on
// every interface is asked over loopback.
import http from 'node:http';

function setting(name) {
  const value = process.env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function reachable(host) {
  return host === undefined || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
}

const operators = setting('METRICS_PORT');
const target = operators
  ? { port: Number(operators), host: reachable(setting('METRICS_HOST')) }
  : { port: Number(setting('PORT') ?? '3000'), host: reachable(setting('HOST')) };

const request = http.get({ ...target, path: '/healthz', timeout: 4000 }, (response) => {
  response.resume();
  process.exit(response.statusCode === 200 ? 0 : 1);
});
request.on('timeout', () => request.destroy(new Error('timed out')));
request.on('error', () => process.exit(1));

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { projectRoot } from '../../src/project-root.js';
import { startCliServer } from '../helpers/cli-process.js';
import { makeTempDir, missingTool, processDatabase, waitFor } from '../helpers/deploy-tools.js';
import { testDialect } from '../helpers/test-database.js';

/**
 * The production install of docs/deployment.md, done exactly as written: a release archive made by
 * `npm run release`, unpacked in an empty directory, `npm ci --omit=dev`, `migrate`, then the
 * processes. It proves the install needs no development dependency and that the archive holds
 * everything the service reads at run time.
 *
 * npm ci compiles better-sqlite3 and takes minutes, so the install runs once, in the SQLite phase;
 * when TEST_DATABASE_URL is set it is also run against PostgreSQL there.
 */
const skip =
  testDialect === 'postgres'
    ? 'the production install runs once, in the SQLite phase (it also checks PostgreSQL there)'
    : missingTool('git', 'Debian: apt-get install git') || missingTool('tar', 'Debian: apt-get install tar');

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The environment of an operator's shell: none of the npm settings of the `npm test` running us. */
function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^npm_/i.test(name) && name !== 'NODE_ENV') env[name] = value;
  }
  return { ...env, ...extra };
}

function run(command: string, args: string[], cwd: string, env = cleanEnv()) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** Sources as committed, plus uncommitted edits of tracked files, so a developer tests their tree. */
function snapshotCommit(): string {
  const stash = run('git', ['stash', 'create'], projectRoot).stdout.trim();
  return stash === '' ? 'HEAD' : stash;
}

// The suite's own timeout too: the runner's default (five minutes) applies to suites as well as tests.
describe('the production install from a release archive', { skip, timeout: 30 * 60_000 }, () => {
  test(
    'npm ci --omit=dev, migrate, then web and worker serve and pass their health checks',
    { timeout: 30 * 60_000 },
    async () => {
      // The commands below are the ones docs/deployment.md gives for steps 1 and 2.
      const docs = fs.readFileSync(path.join(projectRoot, 'docs/deployment.md'), 'utf8');
      const step = (heading: string) => docs.split(heading)[1]!.split('\n## ')[0]!;
      assert.match(step('## 1. Make a release archive'), /^npm run release\b/m);
      assert.match(step('## 2. Install on the server'), /^tar -xzf asiointitili-[\d.]+\.tar\.gz -C /m);
      assert.match(step('## 2. Install on the server'), /^npm ci --omit=dev$/m);

      const dir = makeTempDir('install');
      dirs.push(dir);
      const archive = path.join(dir, 'asiointitili.tar.gz');
      run(
        'npm',
        ['run', 'release', '--silent', '--', '--ref', snapshotCommit(), '--out', archive],
        projectRoot,
      );

      const releases = path.join(dir, 'releases');
      fs.mkdirSync(releases);
      run('tar', ['-xzf', archive, '-C', releases], dir);
      const [unpacked] = fs.readdirSync(releases);
      const release = path.join(releases, unpacked!);
      assert.ok(
        fs.existsSync(path.join(release, 'dist/src/cli/main.js')),
        'the archive holds the compiled code',
      );

      // --prefer-offline only spares re-validating npm's cache; what gets installed is the same.
      const installed = run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], release, {
        ...cleanEnv(),
        npm_config_prefer_offline: 'true',
      });
      assert.match(installed.stdout + installed.stderr, /production install: using the compiled dist\//);
      // (@types/node is no marker: node-saml's own dependencies bring type packages that need it.)
      for (const devOnly of ['eslint', 'fast-check', 'playwright-core', 'tsx', 'prettier']) {
        assert.ok(!fs.existsSync(path.join(release, 'node_modules', devOnly)), `${devOnly} was installed`);
      }

      const data = path.join(dir, 'data');
      const env = {
        DATA_DIR: data,
        MASTER_KEY: randomBytes(32).toString('base64'),
        LOG_LEVEL: 'warn',
      };
      run(process.execPath, ['bin/asiointitili.js', 'migrate'], release, cleanEnv(env));

      const web = await startCliServer(['serve', '--role', 'web'], env, { installRoot: release });
      try {
        assert.equal((await fetch(`${web.baseUrl}/healthz`)).status, 200);
        assert.equal((await fetch(`${web.baseUrl}/`)).status, 200);
        assert.equal((await fetch(`${web.baseUrl}/assets/site.css`)).status, 200);
        const healthcheck = spawnSync(process.execPath, ['deploy/healthcheck.mjs'], {
          cwd: release,
          env: { PATH: process.env.PATH ?? '', PORT: new URL(web.baseUrl).port, HOST: '127.0.0.1' },
        });
        assert.equal(healthcheck.status, 0, 'the container health check passes against a web process');
      } finally {
        assert.equal(await web.stop(), 0);
      }

      // The worker has no main port: its health check asks the operators' listener.
      const worker = await startCliServer(
        ['serve', '--role', 'worker'],
        { ...env, METRICS_PORT: '0' },
        { installRoot: release },
      );
      let opsPort = '';
      try {
        await waitFor('the operators listener', () =>
          /metrics and health checks on http:\/\/[^:]+:(\d+)/.test(worker.output()),
        );
        opsPort = /metrics and health checks on http:\/\/[^:]+:(\d+)/.exec(worker.output())![1]!;
        const healthcheck = spawnSync(process.execPath, ['deploy/healthcheck.mjs'], {
          cwd: release,
          env: { PATH: process.env.PATH ?? '', METRICS_PORT: opsPort },
        });
        assert.equal(healthcheck.status, 0, 'the container health check passes against the worker');
      } finally {
        assert.equal(await worker.stop(), 0);
      }
      const afterStop = spawnSync(process.execPath, ['deploy/healthcheck.mjs'], {
        cwd: release,
        env: { PATH: process.env.PATH ?? '', METRICS_PORT: opsPort },
      });
      assert.equal(afterStop.status, 1, 'the health check fails when nothing answers');

      if (process.env.TEST_DATABASE_URL) {
        // The same install against PostgreSQL: the driver is a production dependency.
        const database = await processDatabase(path.join(dir, 'pg-data'), 'postgres');
        try {
          const pgEnv = { ...env, ...database.env };
          run(process.execPath, ['bin/asiointitili.js', 'migrate'], release, cleanEnv(pgEnv));
          const pgWeb = await startCliServer(['serve', '--role', 'web'], pgEnv, { installRoot: release });
          try {
            assert.equal((await fetch(`${pgWeb.baseUrl}/readyz`)).status, 200);
          } finally {
            assert.equal(await pgWeb.stop(), 0);
          }
        } finally {
          await database.destroy();
        }
      }
    },
  );
});

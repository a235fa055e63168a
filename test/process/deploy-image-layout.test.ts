import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { projectRoot } from '../../src/project-root.js';
import { startCliServer } from '../helpers/cli-process.js';
import { dockerCopy, dockerEnv, dockerfile, execForm, type DockerStage } from '../helpers/deploy-files.js';
import { makeTempDir, processDatabase, waitFor } from '../helpers/deploy-tools.js';
import { testDialect } from '../helpers/test-database.js';

/**
 * The Dockerfile's runtime stage without Docker: its COPY lines lay out a directory the way they
 * would lay out the image, and its ENV, ENTRYPOINT, CMD and HEALTHCHECK run there. This catches a
 * file the service reads at run time but the image lacks, and a write outside the volumes (the
 * image's root filesystem is read-only). Files from earlier stages come from this checkout, whose
 * `npm ci` and build made the same node_modules (plus development packages) and dist/.
 */
const { stages, runtime } = dockerfile();
const dirs: string[] = [];
after(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function instructions(stage: DockerStage, name: string) {
  return stage.instructions.filter((entry) => entry.instruction === name);
}

function workdir(stage: DockerStage): string {
  return instructions(stage, 'WORKDIR').at(-1)?.args ?? '/';
}

/** Lays out the runtime stage's files under `root` (the image's / ), returning the WORKDIR there. */
function layOut(root: string): string {
  const app = path.join(root, workdir(runtime));
  fs.mkdirSync(app, { recursive: true });
  for (const entry of instructions(runtime, 'COPY')) {
    const copy = dockerCopy(entry.args);
    const destination = path.resolve(app, copy.destination);
    for (const source of copy.sources) {
      let from: string;
      if (copy.from === undefined) {
        from = path.join(projectRoot, source);
      } else {
        const stage = stages.find((candidate) => candidate.name === copy.from)!;
        from = path.join(projectRoot, path.relative(workdir(stage), source));
      }
      const target = copy.destination.endsWith('/')
        ? path.join(destination, path.basename(source))
        : destination;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      // The development node_modules is a superset of the production one; link rather than copy it.
      if (path.basename(from) === 'node_modules') fs.symlinkSync(from, target, 'dir');
      else fs.cpSync(from, target, { recursive: true });
    }
  }
  return app;
}

/** Every path under `dir`, not following links: what a read-only root filesystem would keep fixed. */
function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
}

describe(`the Dockerfile's runtime stage, laid out and started (${testDialect})`, () => {
  test('serves, passes its HEALTHCHECK, and writes only to its volumes', async () => {
    const root = makeTempDir('image');
    dirs.push(root);
    const app = layOut(root);
    const before = listing(app);

    const imageEnv = new Map(instructions(runtime, 'ENV').flatMap((entry) => [...dockerEnv(entry.args)]));
    const volume = (name: string) => {
      const dir = path.join(root, imageEnv.get(name)!);
      fs.mkdirSync(dir, { recursive: true });
      return dir;
    };
    const database = await processDatabase(volume('DATA_DIR'));
    try {
      const env: Record<string, string> = {
        ...Object.fromEntries(imageEnv),
        ...database.env,
        PRINT_DIR: volume('PRINT_DIR'),
        // This machine's loopback and free ports instead of the container's own network.
        HOST: '127.0.0.1',
        PORT: '0',
        METRICS_HOST: '127.0.0.1',
        METRICS_PORT: '0',
        MASTER_KEY: randomBytes(32).toString('base64'),
        LOG_LEVEL: 'warn',
      };
      const entrypoint = execForm(instructions(runtime, 'ENTRYPOINT')[0]!.args)!;
      const command = execForm(instructions(runtime, 'CMD')[0]!.args)!;
      assert.deepEqual(entrypoint, ['node', 'bin/asiointitili.js'], 'what startCliServer runs');

      // As compose.yaml does: the same image with the command `migrate`, then the default command.
      const migrate = spawnSync(process.execPath, [entrypoint[1]!, 'migrate'], {
        cwd: app,
        env: { PATH: process.env.PATH ?? '', ...env },
        encoding: 'utf8',
      });
      assert.equal(migrate.status, 0, migrate.stderr);
      const server = await startCliServer(command, env, { installRoot: app });
      let opsPort = '';
      try {
        assert.equal((await fetch(`${server.baseUrl}/`)).status, 200);
        assert.equal((await fetch(`${server.baseUrl}/assets/site.css`)).status, 200);
        await waitFor('the operators listener', () => /metrics and health checks on /.test(server.output()));
        opsPort = /metrics and health checks on http:\/\/[^:]+:(\d+)/.exec(server.output())![1]!;

        const healthcheck = execForm(
          instructions(runtime, 'HEALTHCHECK')[0]!.args.replace(/^.*?CMD\s+/, ''),
        )!;
        const checked = spawnSync(process.execPath, healthcheck.slice(1), {
          cwd: app,
          env: { PATH: process.env.PATH ?? '', ...env, METRICS_PORT: opsPort },
        });
        assert.equal(checked.status, 0, 'HEALTHCHECK passes');
      } finally {
        assert.equal(await server.stop(), 0);
      }
      assert.deepEqual(listing(app), before, 'nothing was written outside the volumes');
    } finally {
      await database.destroy();
    }
  });
});

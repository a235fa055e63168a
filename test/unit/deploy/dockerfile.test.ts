import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { projectRoot } from '../../../src/project-root.js';
import {
  configurationVariables,
  deployFile,
  dockerCopy,
  dockerEnv,
  dockerfile,
  execForm,
  type DockerStage,
} from '../../helpers/deploy-files.js';

/**
 * deploy/Dockerfile, linted by our own rules (no Docker engine or hadolint on this machine). Running
 * its runtime stage is test/process/deploy-image-layout.test.ts.
 */
const { text, stages, runtime } = dockerfile();

function all(stage: DockerStage, instruction: string) {
  return stage.instructions.filter((entry) => entry.instruction === instruction);
}

function runtimeEnv(): Map<string, string> {
  return new Map(all(runtime, 'ENV').flatMap((entry) => [...dockerEnv(entry.args)]));
}

describe('deploy/Dockerfile', () => {
  test('is multi-stage, every stage named and on the pinned Node.js 20 Debian slim image', () => {
    assert.ok(stages.length >= 2);
    for (const stage of stages) {
      assert.equal(stage.image, 'node:20-bookworm-slim');
      assert.match(stage.name, /^[a-z][a-z-]*$/);
    }
    assert.equal(new Set(stages.map((stage) => stage.name)).size, stages.length);
  });

  test('copies between stages only from earlier ones, and never with ADD', () => {
    stages.forEach((stage, index) => {
      for (const entry of stage.instructions) {
        assert.notEqual(entry.instruction, 'ADD', `line ${entry.line}: use COPY`);
        if (entry.instruction !== 'COPY') continue;
        const { from } = dockerCopy(entry.args);
        if (from === undefined) continue;
        const earlier = stages.slice(0, index).map((candidate) => candidate.name);
        assert.ok(earlier.includes(from), `line ${entry.line}: --from=${from} is not an earlier stage`);
      }
    });
  });

  test('every file copied from the build context exists and is not excluded by the .dockerignore', () => {
    const ignored = deployFile('Dockerfile.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    for (const stage of stages) {
      for (const entry of all(stage, 'COPY')) {
        const copy = dockerCopy(entry.args);
        if (copy.from !== undefined) continue;
        for (const source of copy.sources) {
          assert.ok(
            fs.existsSync(path.join(projectRoot, source)),
            `line ${entry.line}: ${source} does not exist`,
          );
          for (const pattern of ignored) {
            const excluded = source === pattern || source.startsWith(`${pattern}/`);
            assert.ok(!excluded, `line ${entry.line}: ${source} is excluded by "${pattern}"`);
          }
        }
      }
    }
  });

  test('apt-get installs without recommends, after an update in the same layer, and leaves no lists', () => {
    for (const stage of stages) {
      for (const entry of all(stage, 'RUN').filter((run) => /apt-get install/.test(run.args))) {
        assert.match(entry.args, /apt-get update/, `line ${entry.line}`);
        assert.match(entry.args, /--no-install-recommends/, `line ${entry.line}`);
        assert.match(entry.args, /rm -rf \/var\/lib\/apt\/lists/, `line ${entry.line}`);
      }
    }
    // The runtime image gets no compilers: those stay in the stage that needs them.
    assert.equal(all(runtime, 'RUN').filter((run) => /apt-get/.test(run.args)).length, 0);
  });

  test('the production dependencies are installed as docs/deployment.md says, with what `prepare` needs', () => {
    const stage = stages.find((candidate) =>
      all(candidate, 'RUN').some((run) => /npm ci --omit=dev/.test(run.args)),
    );
    assert.ok(stage, 'a stage runs npm ci --omit=dev');
    const copied = all(stage, 'COPY').flatMap((entry) => dockerCopy(entry.args).sources);
    const { scripts } = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const prepareScript = /^node (\S+)$/.exec(scripts.prepare ?? '')?.[1];
    assert.ok(prepareScript, 'prepare runs a node script');
    for (const needed of ['package.json', 'package-lock.json', prepareScript]) {
      assert.ok(
        copied.some((source) => source === needed || source.endsWith(`/${needed}`)),
        needed,
      );
    }
    assert.ok(
      copied.some((source) => source.endsWith('/dist')),
      'the compiled dist/ from the build stage',
    );
    const docs = fs.readFileSync(path.join(projectRoot, 'docs/deployment.md'), 'utf8');
    assert.match(docs, /npm ci --omit=dev/);
  });

  test('runs as a numeric non-root user', () => {
    const users = all(runtime, 'USER');
    assert.ok(users.length > 0, 'the runtime stage sets USER');
    const [user] = users.at(-1)!.args.split(':');
    assert.match(user!, /^\d+$/, 'numeric, so orchestrators can check it is not root');
    assert.notEqual(Number(user), 0);
  });

  test('keeps DATA_DIR and PRINT_DIR on volumes the user owns (the root filesystem may be read-only)', () => {
    const env = runtimeEnv();
    const volumes = all(runtime, 'VOLUME').flatMap(
      (entry) => execForm(entry.args) ?? entry.args.split(/\s+/),
    );
    const uid = all(runtime, 'USER').at(-1)!.args.split(':')[0]!;
    const prepared = all(runtime, 'RUN')
      .map((run) => run.args)
      .join('\n');
    for (const name of ['DATA_DIR', 'PRINT_DIR']) {
      const dir = env.get(name) ?? '';
      assert.ok(dir?.startsWith('/'), `${name} is an absolute path`);
      assert.ok(volumes.includes(dir), `${name} (${dir}) is a volume`);
      assert.match(prepared, new RegExp(`chown ${uid}:${uid} .*${dir}`), `${dir} belongs to ${uid}`);
    }
  });

  test('sets only variables the configuration reads (and Node.js its NODE_OPTIONS)', () => {
    const known = new Set([...configurationVariables(), 'NODE_OPTIONS']);
    for (const name of runtimeEnv().keys())
      assert.ok(known.has(name), `${name} is not a configuration variable`);
  });

  test('checks health with node itself (no curl in the image) through a script the image contains', () => {
    assert.doesNotMatch(text, /\b(curl|wget)\b/);
    const [healthcheck] = all(runtime, 'HEALTHCHECK');
    assert.ok(healthcheck, 'the runtime stage has a HEALTHCHECK');
    const command = execForm(healthcheck.args.replace(/^.*?CMD\s+/, ''));
    assert.ok(command, 'HEALTHCHECK CMD in exec form');
    assert.equal(command[0], 'node');
    const copiedTo = all(runtime, 'COPY').map((entry) =>
      dockerCopy(entry.args).destination.replace(/^\.\//, ''),
    );
    assert.ok(copiedTo.includes(command[1]!), `${command[1]} is copied into the image`);
  });

  test('starts the package command in exec form, so SIGTERM reaches node for a graceful stop', () => {
    const [entrypoint] = all(runtime, 'ENTRYPOINT');
    assert.deepEqual(execForm(entrypoint!.args), ['node', 'bin/asiointitili.js']);
    const [command] = all(runtime, 'CMD');
    assert.deepEqual(execForm(command!.args)?.[0], 'serve');
    assert.doesNotMatch(command!.args, /--demo/);
  });
});

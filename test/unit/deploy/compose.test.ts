import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { projectRoot } from '../../../src/project-root.js';
import {
  configurationVariables,
  deployFile,
  dockerEnv,
  dockerStages,
  environmentFileEntries,
} from '../../helpers/deploy-files.js';

/**
 * deploy/compose.yaml, checked for structure without a Docker engine: it parses (merge keys
 * resolved, as Compose does), the services start in the right order, and the application
 * containers keep the Dockerfile's promises (read-only root, volumes, non-root, no public ports).
 */
interface Service {
  build?: { context: string; dockerfile: string };
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  tmpfs?: string[];
  ports?: string[];
  secrets?: string[];
  read_only?: boolean;
  cap_drop?: string[];
  security_opt?: string[];
  restart?: string;
  depends_on?: Record<string, { condition: string }>;
}
interface Compose {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
  secrets: Record<string, { file: string }>;
  networks: { default: { ipam: { config: Array<{ subnet: string; gateway: string }> } } };
}

const composeText = deployFile('compose.yaml');
const compose = parse(composeText, { merge: true }) as Compose;
const deployDir = path.join(projectRoot, 'deploy');
const appServices = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);
const imageEnv = new Map(
  dockerStages(deployFile('Dockerfile'))
    .at(-1)!
    .instructions.filter((entry) => entry.instruction === 'ENV')
    .flatMap((entry) => [...dockerEnv(entry.args)]),
);

describe('deploy/compose.yaml', () => {
  test('has PostgreSQL, a one-shot migration, two web processes, a worker and an SMTP catcher', () => {
    assert.deepEqual(Object.keys(compose.services).sort(), [
      'migrate',
      'postgres',
      'smtp',
      'web-1',
      'web-2',
      'worker',
    ]);
    const commands = Object.fromEntries(
      appServices.map(([name, service]) => [name, service.command?.join(' ')]),
    );
    assert.deepEqual(commands, {
      migrate: 'migrate',
      'web-1': 'serve --role web',
      'web-2': 'serve --role web',
      worker: 'serve --role worker',
    });
  });

  test('migrates once the database is healthy, and starts the others only after it succeeded', () => {
    const { migrate } = compose.services;
    assert.deepEqual(migrate!.depends_on, { postgres: { condition: 'service_healthy' } });
    assert.equal(migrate!.restart, 'no');
    assert.ok(compose.services.postgres!.environment && compose.services.postgres!.image);
    for (const [name, service] of appServices.filter(([name]) => name !== 'migrate')) {
      assert.deepEqual(
        service.depends_on,
        { migrate: { condition: 'service_completed_successfully' } },
        name,
      );
      assert.equal(service.restart, 'unless-stopped', name);
    }
  });

  test('application containers: built from deploy/Dockerfile, read-only root, tmpfs /tmp, no capabilities', () => {
    for (const [name, service] of appServices) {
      assert.ok(
        fs.existsSync(path.resolve(deployDir, service.build!.context, service.build!.dockerfile)),
        name,
      );
      assert.equal(service.read_only, true, name);
      assert.ok(service.tmpfs?.includes('/tmp'), name);
      assert.deepEqual(service.cap_drop, ['ALL'], name);
      assert.ok(service.security_opt?.includes('no-new-privileges:true'), name);
    }
  });

  test("the image's DATA_DIR and PRINT_DIR are named volumes; the key ring is a declared secret file", () => {
    for (const [name, service] of appServices) {
      const mounted = new Map(
        service.volumes!.map((volume) => volume.split(':').reverse() as [string, string]),
      );
      for (const variable of ['DATA_DIR', 'PRINT_DIR']) {
        const volume = mounted.get(imageEnv.get(variable)!);
        assert.ok(volume && volume in compose.volumes, `${name}: ${variable} on a named volume`);
      }
      const keyFile = service.environment!.MASTER_KEY_FILE!;
      const secret = /^\/run\/secrets\/(.+)$/.exec(keyFile)?.[1];
      assert.ok(
        secret && service.secrets?.includes(secret) && compose.secrets[secret],
        `${name}: ${keyFile}`,
      );
    }
    // Compose secrets are bind mounts: outside version control (see .gitignore).
    const secretFile = path.resolve(deployDir, compose.secrets.master_key!.file);
    assert.match(fs.readFileSync(path.join(projectRoot, '.gitignore'), 'utf8'), /^\/deploy\/secrets\/$/m);
    assert.equal(path.relative(deployDir, path.dirname(secretFile)), 'secrets');
  });

  test('sets only configuration variables, with the proxy trusted by the address it comes from', () => {
    const known = configurationVariables();
    for (const [name, service] of appServices) {
      for (const variable of Object.keys(service.environment ?? {})) {
        assert.ok(known.has(variable), `${name}: ${variable} is not a configuration variable`);
      }
      assert.doesNotMatch(service.command!.join(' '), /--demo/);
      assert.equal(service.environment!.TRUSTED_PROXIES, compose.networks.default.ipam.config[0]!.gateway);
      assert.match(service.environment!.DATABASE_URL!, /@postgres:5432\//);
      assert.equal(service.environment!.SMTP_URL, 'smtp://smtp:1025');
    }
  });

  test('publishes ports on 127.0.0.1 only, each host port once; images are pinned', () => {
    const hostPorts: string[] = [];
    for (const [name, service] of Object.entries(compose.services)) {
      for (const port of service.ports ?? []) {
        assert.match(port, /^127\.0\.0\.1:\d+:\d+$/, `${name}: ${port}`);
        hostPorts.push(port.split(':')[1]!);
      }
      if (service.build) continue;
      assert.match(service.image ?? '', /^[^:]+:[^:]+$/, `${name} names a tag`);
      assert.doesNotMatch(service.image!, /:latest$/, name);
    }
    assert.equal(new Set(hostPorts).size, hostPorts.length);
    // The nginx example forwards to these two.
    const nginx = fs.readFileSync(path.join(deployDir, 'nginx/asiointitili.conf'), 'utf8');
    for (const web of ['web-1', 'web-2']) {
      const published = compose.services[web]!.ports!.find((port) => port.endsWith(':3000'))!;
      assert.match(nginx, new RegExp(`server ${published.split(':').slice(0, 2).join(':')} `), web);
    }
  });

  test('compose.env.example names every variable the file takes from .env', () => {
    const example = environmentFileEntries(deployFile('compose.env.example'));
    const used = new Set([...composeText.matchAll(/\$\{([A-Z_]+)/g)].map((match) => match[1]!));
    assert.deepEqual([...used].sort(), [...example.keys()].sort());
  });
});

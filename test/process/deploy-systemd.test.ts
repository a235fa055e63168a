import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { projectRoot } from '../../src/project-root.js';
import {
  configurationVariables,
  deployFile,
  environmentFileEntries,
  unitFile,
} from '../helpers/deploy-files.js';
import { makeTempDir, missingTool } from '../helpers/deploy-tools.js';

/**
 * The systemd units in deploy/systemd, checked as far as a machine without systemd running allows:
 * `systemd-analyze verify` (every key known and well-formed, the executable present, referenced
 * units found), `systemd-analyze security` (the hardening adds up), and what they run.
 */
const unitsDir = path.join(projectRoot, 'deploy/systemd');
const services = ['asiointitili-migrate.service', 'asiointitili-web@.service', 'asiointitili-worker.service'];
// The instances asiointitili.target asks for, as systemd would load them from the template.
const instances = ['asiointitili-web@3001.service', 'asiointitili-web@3002.service'];

const skip = missingTool('systemd-analyze', 'Debian: apt-get install systemd');
const dirs: string[] = [];
after(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The units in a directory of their own, instances as links to the template, as installed. */
function installedUnits(): string {
  const dir = makeTempDir('systemd');
  dirs.push(dir);
  for (const file of fs.readdirSync(unitsDir))
    fs.copyFileSync(path.join(unitsDir, file), path.join(dir, file));
  for (const instance of instances) fs.symlinkSync('asiointitili-web@.service', path.join(dir, instance));
  return dir;
}

function analyze(dir: string, args: string[]) {
  const result = spawnSync('systemd-analyze', args, { cwd: dir, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

describe('the systemd units', () => {
  test('systemd-analyze verify finds nothing to say about them', { skip }, () => {
    const dir = installedUnits();
    const units = [...services.filter((unit) => !unit.includes('@')), ...instances, 'asiointitili.target'];
    const verified = analyze(dir, ['verify', '--man=no', ...units.map((unit) => path.join(dir, unit))]);
    // Unknown keys and bad values are only warnings (exit 0): any line about our units fails.
    const remarks = verified.output.split('\n').filter((line) => /asiointitili/.test(line));
    assert.deepEqual(remarks, []);
    assert.equal(verified.status, 0, verified.output);
  });

  test('each service is hardened to a systemd-analyze security exposure of 2.0 or lower', { skip }, () => {
    const dir = installedUnits();
    for (const unit of ['asiointitili-migrate.service', 'asiointitili-worker.service', ...instances]) {
      const rated = analyze(dir, ['security', '--offline=yes', '--threshold=20', unit]);
      assert.equal(rated.status, 0, `${unit}:\n${rated.output}`);
      assert.match(rated.output, /Overall exposure level for .*: (?:[01]\.\d|2\.0) /);
    }
  });

  test('migrate runs first; web and worker restart on failure and are stopped gracefully', () => {
    const unit = (name: string) => unitFile(fs.readFileSync(path.join(unitsDir, name), 'utf8'));
    const migrate = unit('asiointitili-migrate.service');
    assert.deepEqual(migrate.get('Service')?.get('Type'), ['oneshot']);
    assert.match(migrate.get('Service')!.get('ExecStart')![0]!, /bin\/asiointitili\.js migrate$/);

    for (const [name, role] of [
      ['asiointitili-web@.service', 'web'],
      ['asiointitili-worker.service', 'worker'],
    ] as const) {
      const sections = unit(name);
      const service = sections.get('Service')!;
      assert.match(service.get('ExecStart')![0]!, new RegExp(`bin/asiointitili\\.js serve --role ${role}$`));
      assert.doesNotMatch(service.get('ExecStart')![0]!, /--demo/);
      assert.deepEqual(service.get('Restart'), ['on-failure']);
      assert.deepEqual(service.get('User'), ['asiointitili']);
      // Wants, not Requires: restarting the migration for an upgrade must not restart them all.
      assert.match(sections.get('Unit')!.get('Wants')!.join(' '), /asiointitili-migrate\.service/);
      assert.match(sections.get('Unit')!.get('After')!.join(' '), /asiointitili-migrate\.service/);
      assert.equal(sections.get('Unit')!.get('Requires'), undefined);
      assert.ok(service.get('TimeoutStopSec'), `${name} gives in-flight work time to finish`);
      // The key ring as a credential, not an environment variable other processes could read.
      assert.match(service.get('LoadCredential')![0]!, /^master\.key:/);
      assert.match(service.get('Environment')!.join(' '), /MASTER_KEY_FILE=%d\/master\.key/);
    }
    const web = unit('asiointitili-web@.service').get('Service')!.get('Environment')!.join(' ');
    assert.match(web, /HOST=127\.0\.0\.1/, 'web processes listen on localhost, behind nginx');
  });

  test('the environment file example names only variables the configuration reads', () => {
    const known = configurationVariables();
    const entries = environmentFileEntries(deployFile('systemd/asiointitili.env.example'));
    for (const name of entries.keys()) assert.ok(known.has(name), `${name} is not a configuration variable`);
    // The units set these per process; the file would override them (EnvironmentFile wins).
    for (const name of [
      'HOST',
      'PORT',
      'METRICS_HOST',
      'METRICS_PORT',
      'DATA_DIR',
      'MASTER_KEY_FILE',
      'MASTER_KEY',
    ]) {
      assert.ok(!entries.has(name), `${name} belongs in the units`);
    }
    assert.match(entries.get('PUBLIC_URL') ?? '', /^https:/);
    assert.equal(entries.get('TRUSTED_PROXIES'), '127.0.0.1');
  });

  test('the environment file reads the same into a shell, as the operator commands in the docs do', () => {
    const file = path.join(unitsDir, 'asiointitili.env.example');
    const shell = spawnSync('sh', ['-c', `set -a; . "${file}"; set +a; env`], { env: {}, encoding: 'utf8' });
    assert.equal(shell.status, 0, shell.stderr);
    const exported = environmentFileEntries(shell.stdout.replace(/^[^=\n]*$/gm, ''));
    for (const [name, value] of environmentFileEntries(fs.readFileSync(file, 'utf8'))) {
      // systemd drops the quotes around a value, as the shell does.
      assert.equal(exported.get(name), value.replace(/^"(.*)"$/, '$1'), name);
    }
  });
});

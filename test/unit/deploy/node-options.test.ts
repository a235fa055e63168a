import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deployedNodeOptions } from '../../../bench/bench-server.js';
import { deployFile, dockerEnv, dockerfile, unitFile } from '../../helpers/deploy-files.js';

// The heap limit is part of how the service is deployed, and the bench measures the server as
// deployed: the image, both long-running units and the bench must say the same.
test('the image, the web and worker units and the bench start Node.js with the same NODE_OPTIONS', () => {
  const { runtime } = dockerfile();
  const image = runtime.instructions
    .filter((entry) => entry.instruction === 'ENV')
    .map((entry) => dockerEnv(entry.args).get('NODE_OPTIONS'))
    .find((value) => value !== undefined);
  assert.equal(image, deployedNodeOptions);
  for (const unit of ['asiointitili-web@.service', 'asiointitili-worker.service']) {
    const environment =
      unitFile(deployFile(`systemd/${unit}`))
        .get('Service')
        ?.get('Environment') ?? [];
    const set = environment.flatMap((line) => [...line.matchAll(/\bNODE_OPTIONS=(\S+)/g)].map((m) => m[1]));
    assert.deepEqual(set, [deployedNodeOptions], unit);
  }
  assert.match(deployedNodeOptions, /^--max-old-space-size=\d+$/);
});

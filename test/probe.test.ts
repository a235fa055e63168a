import { test } from 'node:test';
import { createHarness } from './helpers/test-app.js';
import { createApiWorld } from './helpers/api-operations.js';
test('probe', async () => {
  const h = await createHarness();
  const w = await createApiWorld(h);
  const r = await h.app.inject({
    method: 'POST',
    url: '/v2/attachments',
    payload: Buffer.from([218, 247, 112, 62, 41]),
    headers: {
      'content-type': 'multipart/form-data; boundary=fuzzBoundary7MA4YWxkTrZu0gW',
      authorization: `Bearer ${w.api.token}`,
    },
  });
  console.log(r.statusCode, r.body);
  console.log(
    h.log.lines
      .filter((l) => l.includes('"err"'))
      .join('\n')
      .slice(0, 3000),
  );
  await h.close();
});

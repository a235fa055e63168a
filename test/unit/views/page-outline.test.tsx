import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from './render.js';
import { samplePages } from './sample-pages.js';

// A page has one main heading, whichever parts put it together (a frame and a shared body part
// both writing one gave the logout page two; the browser suite's axe run does not flag that).
test('every sample page has exactly one h1', () => {
  const wrong = samplePages()
    .map(({ name, page }) => ({ name, h1: (render(page).match(/<h1[\s>]/g) ?? []).length }))
    .filter((page) => page.h1 !== 1);
  assert.deepEqual(wrong, []);
});

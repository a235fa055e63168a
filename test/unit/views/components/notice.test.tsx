import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ActionResult, Notice } from '../../../../src/http/views/components/notice.js';
import { render } from '../render.js';

test('notice: tone picks the class, status announces it, block holds paragraphs', () => {
  assert.equal(render(<Notice>Huom</Notice>), '<p class="notice">Huom</p>');
  assert.equal(
    render(
      <Notice tone="success" status>
        Tallennettu
      </Notice>,
    ),
    '<p class="notice notice--success" role="status">Tallennettu</p>',
  );
  assert.equal(
    render(
      <Notice tone="alert" block>
        <p>Ei</p>
      </Notice>,
    ),
    '<div class="notice notice--alert"><p>Ei</p></div>',
  );
});

test('action result: a success status with the text, nothing without one', () => {
  assert.equal(
    render(<ActionResult text="Tallennettu" />),
    '<p class="notice notice--success" role="status">Tallennettu</p>',
  );
  assert.equal(render(<ActionResult text={false} />), '');
  assert.equal(render(<ActionResult text={undefined} />), '');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FileField } from '../../../../src/http/views/components/file-field.js';
import { renderField } from '../render.js';

test('file field: a paragraph hint, the accepted types and several files', () => {
  const { html, attribute } = renderField('attachments', (named) => (
    <FileField {...named} label="Liitteet" hint="PDF" hintAsParagraph accept=".pdf" multiple />
  ));
  assert.match(html, /<p class="field-hint" id="attachments-hint">PDF<\/p>/);
  assert.equal(attribute('type'), 'file');
  assert.equal(attribute('accept'), '.pdf');
  assert.match(html, /\bmultiple\b/);
  assert.equal(attribute('aria-describedby'), 'attachments-hint');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FileField } from '../../../../src/http/views/components/file-field.js';
import { attributeOf, fieldNamed, render } from '../render.js';

test('file field: a paragraph hint, the accepted types and several files', () => {
  const html = render(
    <FileField
      {...fieldNamed('attachments')}
      label="Liitteet"
      hint="PDF"
      hintAsParagraph
      accept=".pdf"
      multiple
    />,
  );
  assert.match(html, /<p class="field-hint" id="attachments-hint">PDF<\/p>/);
  assert.equal(attributeOf(html, 'attachments', 'type'), 'file');
  assert.equal(attributeOf(html, 'attachments', 'accept'), '.pdf');
  assert.match(html, /\bmultiple\b/);
  assert.equal(attributeOf(html, 'attachments', 'aria-describedby'), 'attachments-hint');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextareaField } from '../../../../src/http/views/components/textarea-field.js';
import { attributeOf, fieldNamed, render } from '../render.js';

test('textarea field: the typed text comes back escaped, several problems one a line', () => {
  const html = render(
    <TextareaField
      {...fieldNamed('body')}
      label="Viesti"
      value="<b>hei</b>"
      error={['Liian pitkä', 'Tyhjä']}
    />,
  );
  assert.match(html, /<textarea[^>]*>&lt;b>hei&lt;\/b><\/textarea>/);
  assert.match(html, /<p class="field-error" id="body-error">Liian pitkä<br\/>Tyhjä<\/p>/);
  assert.equal(attributeOf(html, 'body', 'aria-describedby'), 'body-error');
  assert.equal(attributeOf(html, 'body', 'aria-invalid'), 'true');
});

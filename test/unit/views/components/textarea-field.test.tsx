import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextareaField } from '../../../../src/http/views/components/textarea-field.js';
import { renderField } from '../render.js';

test('textarea field: the typed text comes back escaped, several problems one a line', () => {
  const { html, attribute } = renderField('body', (named) => (
    <TextareaField {...named} label="Viesti" value="<b>hei</b>" error={['Liian pitkä', 'Tyhjä']} />
  ));
  assert.match(html, /<textarea[^>]*>&lt;b>hei&lt;\/b><\/textarea>/);
  assert.match(html, /<p class="field-error" id="body-error">Liian pitkä<br\/>Tyhjä<\/p>/);
  assert.equal(attribute('aria-describedby'), 'body-error');
  assert.equal(attribute('aria-invalid'), 'true');
});

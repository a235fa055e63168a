import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextField } from '../../../../src/http/views/components/text-field.js';
import { renderField } from '../render.js';

test('text field: label, hint and error are tied to the input, the error read first', () => {
  const { html, attribute } = renderField('email', (named) => (
    <TextField {...named} type="email" label="Sähköposti" hint="Esim." error="Virhe" value="a@" />
  ));
  assert.match(html, /<label for="email">Sähköposti<\/label>/);
  assert.match(html, /<span class="field-hint" id="email-hint">Esim.<\/span>/);
  assert.match(html, /<p class="field-error" id="email-error">Virhe<\/p>/);
  assert.equal(attribute('aria-describedby'), 'email-error email-hint');
  assert.equal(attribute('aria-invalid'), 'true');
  assert.equal(attribute('type'), 'email');
  assert.equal(attribute('value'), 'a@');
});

test('text field: without hint or error there is nothing to describe it and it is not invalid', () => {
  const { html, attribute } = renderField('title', (named) => (
    <TextField {...named} label="Otsikko" value="" maxLength={10} />
  ));
  assert.equal(attribute('aria-describedby'), undefined);
  assert.equal(attribute('aria-invalid'), undefined);
  assert.equal(attribute('maxlength'), '10');
  assert.doesNotMatch(html, /field-error|field-hint/);
});

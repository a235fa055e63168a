import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextField } from '../../../../src/http/views/components/text-field.js';
import { attributeOf, fieldNamed, render } from '../render.js';

test('text field: label, hint and error are tied to the input, the error read first', () => {
  const html = render(
    <TextField
      {...fieldNamed('email')}
      type="email"
      label="Sähköposti"
      hint="Esim."
      error="Virhe"
      value="a@"
    />,
  );
  assert.match(html, /<label for="email">Sähköposti<\/label>/);
  assert.match(html, /<span class="field-hint" id="email-hint">Esim.<\/span>/);
  assert.match(html, /<p class="field-error" id="email-error">Virhe<\/p>/);
  assert.equal(attributeOf(html, 'email', 'aria-describedby'), 'email-error email-hint');
  assert.equal(attributeOf(html, 'email', 'aria-invalid'), 'true');
  assert.equal(attributeOf(html, 'email', 'type'), 'email');
  assert.equal(attributeOf(html, 'email', 'value'), 'a@');
});

test('text field: without hint or error there is nothing to describe it and it is not invalid', () => {
  const html = render(<TextField id="title" name="title" label="Otsikko" value="" maxLength={10} />);
  assert.equal(attributeOf(html, 'title', 'aria-describedby'), undefined);
  assert.equal(attributeOf(html, 'title', 'aria-invalid'), undefined);
  assert.equal(attributeOf(html, 'title', 'maxlength'), '10');
  assert.doesNotMatch(html, /field-error|field-hint/);
});

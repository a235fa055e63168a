import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Checkbox } from '../../../../src/http/views/components/checkbox.js';
import { attributeOf, render } from '../render.js';

test('checkbox: sends "1", its label wraps the box, its error comes first', () => {
  const html = render(
    <Checkbox id="accept-terms" name="acceptTerms" checked={false} error="Hyväksy ehdot" required>
      Hyväksyn <a href="/terms">ehdot</a>
    </Checkbox>,
  );
  assert.match(
    html,
    /^<div class="field"><p class="field-error" id="accept-terms-error">Hyväksy ehdot<\/p><label class="checkbox" for="accept-terms">/,
  );
  assert.equal(attributeOf(html, 'accept-terms', 'value'), '1');
  assert.equal(attributeOf(html, 'accept-terms', 'aria-describedby'), 'accept-terms-error');
  assert.doesNotMatch(html, /checked/);
  assert.match(
    render(
      <Checkbox id="c" name="c" checked>
        x
      </Checkbox>,
    ),
    /checked/,
  );
});

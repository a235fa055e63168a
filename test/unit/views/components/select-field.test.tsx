import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SelectField } from '../../../../src/http/views/components/select-field.js';
import { attributeOf, render } from '../render.js';

test('select field: the options are the caller’s, the error marks the list invalid', () => {
  const html = render(
    <SelectField id="service" name="service" label="Palvelu" error={[]} required>
      <option value="1">Sosiaalipalvelut</option>
    </SelectField>,
  );
  assert.match(
    html,
    /<select id="service" name="service" required><option value="1">Sosiaalipalvelut<\/option><\/select>/,
  );
  const invalid = render(
    <SelectField id="service" name="service" label="Palvelu" error="Valitse palvelu">
      <option value="">–</option>
    </SelectField>,
  );
  assert.equal(attributeOf(invalid, 'service', 'aria-invalid'), 'true');
  assert.equal(attributeOf(invalid, 'service', 'aria-describedby'), 'service-error');
});

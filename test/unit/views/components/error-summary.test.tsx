import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorSummary } from '../../../../src/http/views/components/error-summary.js';
import { render } from '../render.js';

test('error summary: links each problem to its field and announces itself; nothing without problems', () => {
  const html = render(
    <ErrorSummary heading="Korjaa" errors={[{ fieldId: 'email', message: 'Tarkista sähköposti' }]}>
      <p>Valitse tiedostot uudelleen.</p>
    </ErrorSummary>,
  );
  assert.match(html, /^<div class="error-summary" role="alert" aria-labelledby="error-summary-title">/);
  assert.match(html, /<h2 id="error-summary-title">Korjaa<\/h2>/);
  assert.match(html, /<a href="#email">Tarkista sähköposti<\/a>/);
  assert.match(html, /<p>Valitse tiedostot uudelleen.<\/p><\/div>$/);
  assert.equal(render(<ErrorSummary heading="Korjaa" errors={[]} />), '');
});

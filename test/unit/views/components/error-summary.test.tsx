import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorSummary } from '../../../../src/http/views/components/error-summary.js';
import { render, withIconsNamed } from '../render.js';

test('error summary: links each problem to its field, announces itself and takes focus on load; nothing without problems', () => {
  const html = withIconsNamed(
    render(
      <ErrorSummary heading="Korjaa" errors={[{ fieldId: 'email', message: 'Tarkista sähköposti' }]}>
        <p>Valitse tiedostot uudelleen.</p>
      </ErrorSummary>,
    ),
  );
  // Focusable by script-free means only: tabindex -1 with autofocus, so the page opens on it.
  assert.match(
    html,
    /^<div class="error-summary" id="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>/,
  );
  assert.match(html, /<h2 id="error-summary-title"><icon:error-summary__icon>Korjaa<\/h2>/);
  assert.match(html, /<a href="#email">Tarkista sähköposti<\/a>/);
  assert.match(html, /<p>Valitse tiedostot uudelleen.<\/p><\/div>$/);
  assert.equal(render(<ErrorSummary heading="Korjaa" errors={[]} />), '');
});

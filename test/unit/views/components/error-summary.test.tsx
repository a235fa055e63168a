import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorSummary, formProblems } from '../../../../src/http/views/components/error-summary.js';
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

test('formProblems: each problem worded once, for the summary, its field and the field’s props', () => {
  const problems = [
    { field: 'title', code: 'required' },
    { field: 'body', code: 'tooLong' },
    { field: 'title', code: 'tooLong' },
  ] as const;
  const ids = { title: 'message-title', body: 'message-body' };
  const { summary, errorsOf, field } = formProblems(problems, ids, (problem) => `${problem.code}!`);
  assert.deepEqual(summary, [
    { fieldId: 'message-title', message: 'required!' },
    { fieldId: 'message-body', message: 'tooLong!' },
    { fieldId: 'message-title', message: 'tooLong!' },
  ]);
  assert.deepEqual(errorsOf('title'), ['required!', 'tooLong!']);
  assert.deepEqual(field('body'), { id: 'message-body', name: 'body', error: ['tooLong!'] });
});

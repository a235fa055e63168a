import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TimeRow } from '../../../../src/http/views/components/detail-row.js';
import { render } from '../render.js';

test('time row: an instant in Helsinki time, a calendar day with `day`, no row without a time', () => {
  assert.equal(
    render(<TimeRow term="Vastaanotettu" at="2025-03-10T08:05:00.000Z" locale="fi" />),
    '<div class="message-details__row"><dt>Vastaanotettu</dt><dd><time datetime="2025-03-10T08:05:00.000Z">10.3.2025 klo 10.05</time></dd></div>',
  );
  assert.match(
    render(<TimeRow term="Tiedoksi" at="2025-03-17" locale="fi" day />),
    /<time datetime="2025-03-17">17\.3\.2025<\/time>/,
  );
  assert.equal(render(<TimeRow term="Kuitattu" at={null} locale="fi" />), '');
});

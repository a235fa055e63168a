import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScrollTable } from '../../../../src/http/views/components/scroll-table.js';
import { render } from '../render.js';

test('a scroll table is a focusable region named by its caption, or by a label when it has none', () => {
  const captioned = render(
    <ScrollTable labelledBy="list-caption">
      <table>
        <caption id="list-caption">Lähetetyt</caption>
      </table>
    </ScrollTable>,
  );
  assert.match(
    captioned,
    /^<div class="scroll-table" role="region" aria-labelledby="list-caption" tabindex="0">/,
  );
  assert.doesNotMatch(captioned, /aria-label=/);
  const labelled = render(
    <ScrollTable label="Palvelut">
      <table />
    </ScrollTable>,
  );
  assert.match(labelled, /role="region" aria-label="Palvelut" tabindex="0"/);
});

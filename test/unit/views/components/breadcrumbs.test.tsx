import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Breadcrumbs } from '../../../../src/http/views/components/breadcrumbs.js';
import { render } from '../render.js';

test('breadcrumbs: a named navigation with an ordered trail, the current page last and unlinked', () => {
  const html = render(
    <Breadcrumbs
      label="Murupolku"
      trail={[
        { label: 'Etusivu', href: '/' },
        { label: 'Palaute', href: '/feedback' },
        { label: 'Kiitos', href: '/ignored' },
      ]}
    />,
  );
  assert.equal(
    html,
    '<nav class="breadcrumbs" aria-label="Murupolku"><ol><li><a href="/">Etusivu</a></li>' +
      '<li><a href="/feedback">Palaute</a></li><li><span aria-current="page">Kiitos</span></li></ol></nav>',
  );
});

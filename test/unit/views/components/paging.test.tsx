import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Paging, type PagingProps } from '../../../../src/http/views/components/paging.js';
import { render, withIconsNamed } from '../render.js';

const labels: Omit<PagingProps, 'list'> = {
  label: 'Sivut',
  href: (page) => `/mailbox/inbox?page=${page}`,
  pageLabel: (page) => `Sivu ${page}`,
  previousLabel: 'Edellinen sivu',
  nextLabel: 'Seuraava sivu',
};

test('paging: previous and next around the current page, which is marked current', () => {
  const html = withIconsNamed(render(<Paging {...labels} list={{ page: 2, hasNext: true }} />));
  assert.match(html, /^<nav class="paging" aria-label="Sivut">/);
  assert.match(
    html,
    /<a class="paging__link" href="\/mailbox\/inbox\?page=1" rel="prev"><icon>Edellinen sivu<\/a>/,
  );
  assert.match(html, /<li class="paging__current" aria-current="page">Sivu 2<\/li>/);
  assert.match(
    html,
    /<a class="paging__link" href="\/mailbox\/inbox\?page=3" rel="next">Seuraava sivu<icon><\/a>/,
  );
});

test('paging: nothing when all fits on the first page; no next link on the last', () => {
  assert.equal(render(<Paging {...labels} list={{ page: 1, hasNext: false }} />), '');
  assert.doesNotMatch(render(<Paging {...labels} list={{ page: 3, hasNext: false }} />), /rel="next"/);
});

test('paging of a posted search: the form’s submit buttons with the page, no addresses', () => {
  const html = withIconsNamed(
    render(<Paging {...labels} form="sent-filters" list={{ page: 2, hasNext: true }} />),
  );
  assert.match(
    html,
    /<button type="submit" class="paging__link" form="sent-filters" name="page" value="1"><icon>Edellinen sivu<\/button>/,
  );
  assert.match(
    html,
    /<button type="submit" class="paging__link" form="sent-filters" name="page" value="3">Seuraava sivu<icon><\/button>/,
  );
  assert.doesNotMatch(html, /href=/);
});

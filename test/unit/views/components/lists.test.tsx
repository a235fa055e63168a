import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InlineList } from '../../../../src/http/views/components/inline-list.js';
import { NavLinks } from '../../../../src/http/views/components/nav-links.js';
import { RuledList } from '../../../../src/http/views/components/ruled-list.js';
import { TagList } from '../../../../src/http/views/components/tag-list.js';
import { VisuallyHidden } from '../../../../src/http/views/components/visually-hidden.js';
import { render, withIconsNamed } from '../render.js';

test('inline list: its own class first, then the role’s', () => {
  assert.equal(render(<InlineList>{[]}</InlineList>), '<ul class="inline-list"></ul>');
  assert.equal(
    render(<InlineList class="account-nav">{[]}</InlineList>),
    '<ul class="inline-list account-nav"></ul>',
  );
});

test('ruled list: its own class, then the role’s; named by a label or by a heading', () => {
  assert.equal(
    render(
      <RuledList labelledBy="access-log-list">
        <li>a</li>
      </RuledList>,
    ),
    '<ul class="ruled-list" aria-labelledby="access-log-list"><li>a</li></ul>',
  );
  assert.equal(
    render(
      <RuledList class="received-list" label="Viestit">
        {[]}
      </RuledList>,
    ),
    '<ul class="ruled-list received-list" aria-label="Viestit"></ul>',
  );
});

test('tag list: one chip a tag, its tone as a class and its icon before the text; nothing when there are none', () => {
  assert.equal(
    render(<TagList tags={['Uusi', 'Liitteitä']} />),
    '<ul class="inline-list tag-list"><li class="chip">Uusi</li><li class="chip">Liitteitä</li></ul>',
  );
  assert.equal(
    withIconsNamed(
      render(
        <TagList
          tags={[
            { text: 'Uusi', tone: 'new' },
            { text: 'Kuittaamatta', tone: 'attention', icon: 'hourglass' },
          ]}
        />,
      ),
    ),
    '<ul class="inline-list tag-list"><li class="chip chip--new">Uusi</li>' +
      '<li class="chip chip--attention"><icon>Kuittaamatta</li></ul>',
  );
  assert.equal(render(<TagList tags={[]} />), '');
});

test('visually hidden: text for screen readers only', () => {
  assert.equal(
    render(<VisuallyHidden>(pakollinen)</VisuallyHidden>),
    '<span class="visually-hidden">(pakollinen)</span>',
  );
});

test('nav links: a named navigation, the block’s classes, only the current link marked', () => {
  const links = [
    { href: '/a', text: 'Kaikki', current: false },
    { href: '/b', text: 'Käsitellyt', current: true },
  ];
  assert.equal(
    render(<NavLinks block="filter" label="Tila" links={links} />),
    '<nav class="filter" aria-label="Tila"><ul class="inline-list filter__list">' +
      '<li><a class="filter__link" href="/a">Kaikki</a></li>' +
      '<li><a class="filter__link" href="/b" aria-current="page">Käsitellyt</a></li></ul></nav>',
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ButtonRow } from '../../../../src/http/views/components/button-row.js';
import { ChoiceButtons } from '../../../../src/http/views/components/choice-buttons.js';
import { LinkButton } from '../../../../src/http/views/components/link-button.js';
import { LinkParagraph } from '../../../../src/http/views/components/link-paragraph.js';
import { PostButton } from '../../../../src/http/views/components/post-button.js';
import { PostForm } from '../../../../src/http/views/components/post-form.js';
import { render } from '../render.js';

test('link button: a link with the button look, secondary outlined', () => {
  assert.equal(
    render(<LinkButton href="/login">Kirjaudu</LinkButton>),
    '<a class="button" href="/login">Kirjaudu</a>',
  );
  assert.equal(
    render(
      <LinkButton href="/" variant="secondary">
        Peruuta
      </LinkButton>,
    ),
    '<a class="button button--secondary" href="/">Peruuta</a>',
  );
});

test('post button: a POST form carrying the CSRF token', () => {
  assert.equal(
    render(
      <PostButton action="/logout" csrfToken="t0k" variant="secondary" formClass="account-bar__logout">
        Kirjaudu ulos
      </PostButton>,
    ),
    '<form method="post" action="/logout" class="account-bar__logout"><input type="hidden" name="_csrf" value="t0k"/>' +
      '<button type="submit" class="button--secondary">Kirjaudu ulos</button></form>',
  );
  assert.match(
    render(
      <PostButton action="/x" csrfToken={undefined}>
        Go
      </PostButton>,
    ),
    /<button type="submit">Go<\/button>/,
  );
});

test('button row: holds its buttons', () => {
  assert.equal(render(<ButtonRow>x</ButtonRow>), '<div class="button-row">x</div>');
});

test('choice buttons: one submit button per choice, each sending its value under the one name', () => {
  assert.equal(
    render(
      <ChoiceButtons
        name="method"
        choices={[
          { value: 'nordea', label: 'Nordea' },
          { value: 'mobile', label: 'Mobiilivarmenne' },
        ]}
      />,
    ),
    '<ul class="choice-buttons"><li><button type="submit" name="method" value="nordea">Nordea</button></li>' +
      '<li><button type="submit" name="method" value="mobile">Mobiilivarmenne</button></li></ul>',
  );
});

test('link paragraph: a link on a line of its own', () => {
  assert.equal(
    render(<LinkParagraph href="/terms">Käyttöehdot</LinkParagraph>),
    '<p><a href="/terms">Käyttöehdot</a></p>',
  );
});

test('post form: the CSRF token first, then the form’s fields; files and server-side checks on request', () => {
  assert.equal(
    render(
      <PostForm id="f" action="/mailbox/new" csrfToken="t0k" multipart novalidate>
        <input name="title" />
      </PostForm>,
    ),
    '<form id="f" method="post" action="/mailbox/new" enctype="multipart/form-data" novalidate>' +
      '<input type="hidden" name="_csrf" value="t0k"/><input name="title"/></form>',
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SignInOutcome } from '../../../../src/http/views/components/sign-in-outcome.js';
import { pageContext, render } from '../render.js';

const { t } = pageContext();

test('sign-in outcome: text, the way to identify again and to the start page; the frame writes the heading', () => {
  const texts = {
    title: 'account.logout.title',
    text: 'account.logout.text',
    again: 'account.logout.loginAgain',
  } as const;
  const html = render(
    <SignInOutcome t={t} texts={texts} loginHref="/login" toStart="account.login.backToStart" />,
  );
  assert.ok(html.startsWith(`<p>${t('account.logout.text')}</p>`));
  assert.doesNotMatch(html, /<h1/);
  assert.match(html, /<a class="button" href="\/login">/);
  assert.match(html, /<a href="\/">/);
});

test('sign-in outcome: no link to identify again where that cannot help', () => {
  const texts = { title: 'account.login.unavailableTitle', text: 'account.login.unavailable' } as const;
  const html = render(
    <SignInOutcome t={t} texts={texts} loginHref="/login" toStart="account.login.backToStart" />,
  );
  assert.doesNotMatch(html, /href="\/login"/);
});

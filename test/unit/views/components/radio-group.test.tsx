import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RadioGroup, labelledOptions } from '../../../../src/http/views/components/radio-group.js';
import { pageContext, render } from '../render.js';

test('radio group: a fieldset described by its error and hint, the chosen value checked', () => {
  const html = render(
    <RadioGroup
      name="language"
      legend="Kieli"
      hint="Valitse kieli"
      error="Tuntematon kieli"
      options={[
        { value: 'fi', label: 'Suomi', lang: 'fi' },
        { value: 'sv', label: 'Svenska', lang: 'sv' },
      ]}
      value="sv"
    />,
  );
  assert.match(
    html,
    /^<fieldset class="field" aria-describedby="language-error language-hint"><legend>Kieli<\/legend>/,
  );
  assert.match(
    html,
    /<input type="radio" id="language-sv" name="language" value="sv" checked\/><span lang="sv">Svenska<\/span>/,
  );
  assert.match(html, /<input type="radio" id="language-fi" name="language" value="fi"\/>/);
});

test('radio group: the ids take idPrefix where one is given, the name otherwise', () => {
  const options = [{ value: 'self', label: 'Itse' }];
  const html = render(
    <RadioGroup
      {...{ name: 'citizenType', idPrefix: 'type', legend: 'Lähettäjä', options }}
      error="Valitse"
      value={undefined}
    />,
  );
  assert.match(html, /aria-describedby="type-error"/);
  assert.match(html, /<input type="radio" id="type-self" name="citizenType" value="self"\/>/);
});

test('radio group: labelledOptions gives a key table its options, in order, each label translated', () => {
  const { t } = pageContext();
  assert.deepEqual(
    labelledOptions(t, { admin: 'staffAdmin.staff.roleAdmin', case_worker: 'staff.send.normal' }),
    [
      { value: 'admin', label: t('staffAdmin.staff.roleAdmin') },
      { value: 'case_worker', label: t('staff.send.normal') },
    ],
  );
});

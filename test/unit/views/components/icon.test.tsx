import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { generateIconModule, iconModulePath } from '../../../../scripts/icons.js';
import { faviconSvg, Wordmark } from '../../../../src/http/views/components/brand.js';
import { Icon } from '../../../../src/http/views/components/icon.js';
import { iconShapes } from '../../../../src/http/views/components/icon-shapes.js';
import { render } from '../render.js';

test('icon: inline SVG, hidden from assistive technology, never focusable, coloured by its text', () => {
  const html = render(<Icon name="attachment" class="chip__icon" />);
  assert.match(
    html,
    /^<svg class="icon chip__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M22\.069 [^"]+" fill="currentColor" fill-rule="evenodd"><\/path><\/svg>$/,
  );
  assert.doesNotMatch(html, /style=/, 'no style attribute (the CSP allows none)');
  assert.match(render(<Icon name="print" />), /^<svg class="icon" /);
});

test('icon shapes: the committed file is what scripts/icons.ts makes from the installed suomifi-icons', async () => {
  assert.equal(fs.readFileSync(iconModulePath, 'utf8'), await generateIconModule());
  for (const [name, icon] of Object.entries(iconShapes)) {
    assert.ok(icon.shapes.length > 0, `${name} has shapes`);
    for (const shape of icon.shapes) {
      assert.ok(!('fill' in shape.attributes) || /^(currentColor|none)$/.test(shape.attributes.fill!), name);
    }
  }
});

test('wordmark: the service name is the link text; the mark is decoration coloured by classes', () => {
  const html = render(<Wordmark name="Kansalaisen asiointitili" href="/" />);
  assert.match(
    html,
    /^<a class="wordmark" href="\/"><svg class="wordmark__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">/,
  );
  assert.match(html, /<span class="wordmark__name">Kansalaisen asiointitili<\/span><\/a>$/);
  assert.doesNotMatch(html, /fill="hsl|stroke="hsl/, 'colours come from the stylesheet');
  assert.match(
    faviconSvg,
    /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 32 32"><rect [^>]*fill="hsl\(214, 100%, 24%\)"/,
  );
});

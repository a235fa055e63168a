import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { cleanFileName, extensionOf, maxFileNameLength } from '../../../src/domain/attachment-file-name.js';
import { findDeceptiveCharacter } from '../../../src/domain/deceptive-characters.js';

describe('attachment file names', () => {
  test('the last path segment is kept, from either kind of separator', () => {
    assert.equal(cleanFileName('../../etc/päätös.pdf'), 'päätös.pdf');
    assert.equal(cleanFileName('C:\\Users\\kimmo\\liite.pdf'), 'liite.pdf');
    assert.equal(cleanFileName('/tmp/lähetys/lasku.pdf'), 'lasku.pdf');
  });

  test('control and bidirectional characters are removed, so an extension cannot be disguised', () => {
    assert.equal(cleanFileName('lasku\u202Efdp.exe'), 'laskufdp.exe');
    assert.equal(cleanFileName('lasku\u2067.pdf\u2069.js'), 'lasku.pdf.js');
    assert.equal(cleanFileName('Päätös "lopullinen"\r\n.pdf'), 'Päätös "lopullinen".pdf');
  });

  test('trailing dots and spaces, which Windows drops when saving, are dropped here first', () => {
    assert.equal(cleanFileName('ohje.html.'), 'ohje.html');
    assert.equal(cleanFileName('ohje.html . . '), 'ohje.html');
    assert.equal(extensionOf(cleanFileName('ohje.html.')), 'html');
  });

  test('empty, dot-only or missing names become "liite"', () => {
    for (const raw of ['', '   ', '.', '..', '...', '/', 'a/..', '\u202e', undefined]) {
      assert.equal(cleanFileName(raw), 'liite', JSON.stringify(raw));
    }
  });

  test('long names are cut to the limit, keeping the extension', () => {
    const long = cleanFileName(`${'ä'.repeat(300)}.docx`);
    assert.equal(Array.from(long).length, maxFileNameLength);
    assert.ok(long.endsWith('ä.docx'));
    const cutAtSpace = cleanFileName(`${'a'.repeat(maxFileNameLength - 1)} ${'b'.repeat(20)}`);
    assert.equal(cutAtSpace, 'a'.repeat(maxFileNameLength - 1));
  });

  test('an extension is a short run of ASCII letters and digits with a letter after the last dot', () => {
    assert.equal(extensionOf('lasku.pdf.js'), 'js');
    assert.equal(extensionOf('KUVA.JPEG'), 'jpeg');
    assert.equal(extensionOf('arkisto.7z'), '7z');
    assert.equal(extensionOf('Pöytäkirja 12.3.2025'), undefined);
    assert.equal(extensionOf('versio 1.2'), undefined);
    assert.equal(extensionOf('muistio'), undefined);
    assert.equal(extensionOf('tiedosto.päätös'), undefined);
  });

  test('whatever comes in, the result is one short segment without deceptive characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
        const name = cleanFileName(raw);
        assert.ok(name.length > 0);
        assert.ok(Array.from(name).length <= maxFileNameLength);
        assert.ok(!/[/\\]/.test(name));
        assert.equal(findDeceptiveCharacter(name, { multiline: false }), undefined);
        assert.ok(!/[.\s]$/u.test(name));
      }),
    );
  });
});

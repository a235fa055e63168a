import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { extensionOf, maxFileNameLength } from '../../../src/domain/attachment-file-name.js';
import {
  acceptedMediaTypes,
  attachmentTypes,
  describeRefusal,
  detectContentType,
  fileNameForType,
  judgeAttachment,
  type AttachmentFile,
  type AttachmentRefusal,
} from '../../../src/domain/attachment-types.js';
import { rootStreamNames } from '../../../src/domain/compound-file.js';
import {
  compoundFile,
  goodFile,
  goodFiles,
  issuePayloads,
  storedZip,
} from '../../helpers/attachment-samples.js';

async function refusal(file: AttachmentFile): Promise<AttachmentRefusal> {
  const verdict = await judgeAttachment(file);
  assert.equal(verdict.ok, false, `${file.fileName} should be refused`);
  return (verdict as { refusal: AttachmentRefusal }).refusal;
}

const text = (value: string) => Buffer.from(value, 'utf8');

describe('attachment types: the content decides, the name never lies', () => {
  test('the issue’s payloads are all refused, each naming the file and the types', async () => {
    assert.deepEqual(await refusal(issuePayloads.html), {
      fileName: 'ohje.html',
      reason: 'contentNotAccepted',
      contentType: 'text/html',
      nameSays: undefined,
    });
    assert.deepEqual(await refusal(issuePayloads.svg), {
      fileName: 'kuva.svg',
      reason: 'contentNotAccepted',
      contentType: 'image/svg+xml',
      nameSays: undefined,
    });
    assert.deepEqual(await refusal(issuePayloads.hta), {
      fileName: 'lasku.hta',
      reason: 'contentNotAccepted',
      contentType: 'text/html',
      nameSays: undefined,
    });
    const doubleExtension = await refusal(issuePayloads.doubleExtension);
    assert.deepEqual(doubleExtension, {
      fileName: 'lasku.pdf.js',
      reason: 'extensionNotAccepted',
      extension: 'js',
      contentType: 'text/plain',
    });
    assert.equal(
      describeRefusal(doubleExtension),
      'file "lasku.pdf.js": the extension .js is not accepted; the content is text/plain',
    );
    const htmlAsPdf = await refusal(issuePayloads.htmlAsPdf);
    assert.equal(
      describeRefusal(htmlAsPdf),
      'file "trick.pdf": the name says application/pdf but the content is text/html, which is not accepted',
    );
    // The same name over plain text: the name contradicts an accepted type.
    const textAsPdf = await refusal({ fileName: 'trick.pdf', content: text('Lasku 12 €\n') });
    assert.equal(
      describeRefusal(textAsPdf),
      'file "trick.pdf": the name says application/pdf but the content is text/plain',
    );
  });

  test('a good file of every accepted type is accepted under its name and each of its extensions', async () => {
    assert.deepEqual(
      goodFiles.map((file) => file.mediaType).sort(),
      [...acceptedMediaTypes].sort(),
      'one sample of each accepted type',
    );
    for (const file of goodFiles) {
      const verdict = await judgeAttachment({ ...file, declaredType: file.mediaType });
      assert.deepEqual(
        verdict,
        { ok: true, fileName: file.fileName, mediaType: file.mediaType },
        file.fileName,
      );
      for (const extension of attachmentTypes[file.mediaType as keyof typeof attachmentTypes]) {
        const renamed = await judgeAttachment({ ...file, fileName: `LIITE.${extension.toUpperCase()}` });
        assert.equal(renamed.ok, true, `.${extension}`);
      }
    }
  });

  test('a name without an extension is accepted and gets the detected type’s extension', async () => {
    const cases: Array<[string, string, string]> = [
      ['paatos', 'application/pdf', 'paatos.pdf'],
      ['Pöytäkirja 12.3.2025', 'text/plain', 'Pöytäkirja 12.3.2025.txt'],
      ['kuva', 'image/jpeg', 'kuva.jpg'],
      ['hakemus', 'application/msword', 'hakemus.doc'],
      ['', 'image/png', 'liite.png'],
      [undefined as unknown as string, 'application/vnd.oasis.opendocument.text', 'liite.odt'],
    ];
    for (const [fileName, mediaType, stored] of cases) {
      const verdict = await judgeAttachment({ fileName, content: goodFile(mediaType).content });
      assert.deepEqual(verdict, { ok: true, fileName: stored, mediaType }, String(fileName));
    }
  });

  test('a name whose extension says another accepted type is refused, whichever way round', async () => {
    const cases: Array<[string, string, string]> = [
      ['kuva.png', 'application/pdf', 'image/png'],
      ['kuva.jpg', 'image/png', 'image/jpeg'],
      [
        'laskelma.xlsx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      ['laskelma.xls', 'application/msword', 'application/vnd.ms-excel'],
      ['esitys.doc', 'application/vnd.ms-powerpoint', 'application/msword'],
      [
        'taulukko.odt',
        'application/vnd.oasis.opendocument.spreadsheet',
        'application/vnd.oasis.opendocument.text',
      ],
      ['muistio.txt', 'application/pdf', 'text/plain'],
    ];
    for (const [fileName, contentType, nameSays] of cases) {
      assert.deepEqual(
        await refusal({ fileName, content: goodFile(contentType).content }),
        { fileName, reason: 'nameContradictsContent', nameSays, contentType },
        fileName,
      );
    }
  });

  test('an extension the service does not accept is refused even over accepted content', async () => {
    for (const fileName of [
      'paatos.exe',
      'paatos.pdf.html',
      'paatos.svg',
      'paatos.hta',
      'paatos.PDF.JS',
      'paatos.csv',
    ]) {
      const found = await refusal({ fileName, content: goodFile('application/pdf').content });
      assert.equal(found.reason, 'extensionNotAccepted', fileName);
    }
  });

  test('a declared type that contradicts the content is refused; generic ones and aliases are not', async () => {
    const pdf = goodFile('application/pdf').content;
    assert.deepEqual(await refusal({ fileName: 'paatos.pdf', content: pdf, declaredType: 'image/png' }), {
      fileName: 'paatos.pdf',
      reason: 'declaredTypeContradictsContent',
      declaredType: 'image/png',
      contentType: 'application/pdf',
    });
    const html = await refusal({
      fileName: 'muistio',
      content: text('muistio\n'),
      declaredType: 'Text/HTML; charset=utf-8',
    });
    assert.equal(
      describeRefusal(html),
      'file "muistio": the declared Content-Type is text/html but the content is text/plain',
    );
    for (const declaredType of [undefined, '', 'application/octet-stream', 'APPLICATION/PDF; x=1']) {
      assert.equal((await judgeAttachment({ fileName: 'paatos.pdf', content: pdf, declaredType })).ok, true);
    }
    const jpeg = goodFile('image/jpeg').content;
    for (const declaredType of ['image/jpg', 'image/pjpeg']) {
      assert.equal((await judgeAttachment({ fileName: 'kuva.jpeg', content: jpeg, declaredType })).ok, true);
    }
  });

  test('text that begins like markup is refused, case-insensitive, after a byte order mark and white space', async () => {
    const markup: Array<[string, string]> = [
      ['<!doctype html><p>x', 'text/html'],
      ['\uFEFF<HTML>', 'text/html'],
      ['\uFEFF \r\n\t<Script>alert(1)</script>', 'text/html'],
      ['<head><title>x</title>', 'text/html'],
      ['<body onload="x()">', 'text/html'],
      ['<iframe src="https://example.invalid">', 'text/html'],
      ['<!-- kommentti -->', 'text/html'],
      [`${' \n'.repeat(10_000)}\uFEFF<html>`, 'text/html'],
      ['\u00a0\u3000<script src="x.js"></script>', 'text/html'],
      ['<svg/onload=alert(1)>', 'image/svg+xml'],
      ['<?xml version="1.0"?><!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml'],
      ['<?xml version="1.0"?><data/>', 'application/xml'],
      ['<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><script/></html>', 'text/html'],
    ];
    for (const [value, contentType] of markup) {
      assert.deepEqual(
        await detectContentType(text(value)),
        { accepted: false, mediaType: contentType },
        value,
      );
    }
    // Text that merely mentions markup, or starts with "<" as prose does, is plain text.
    for (const value of [
      'Liitteenä <html>-sivu.\n',
      '<- katso edellinen viesti\n',
      '<3 kiitos\n',
      'a < b\n',
      '<Nimi Sukunimi>\n',
    ]) {
      assert.deepEqual(
        await detectContentType(text(value)),
        { accepted: true, mediaType: 'text/plain' },
        value,
      );
    }
  });

  test('text must be valid UTF-8 without control characters; tab, line breaks and form feed are fine', async () => {
    for (const value of [
      Buffer.from([0x41, 0x00, 0x42]),
      text('a\u001bb'),
      text('a\u0085b'),
      Buffer.from([0xe4, 0x0a]),
    ]) {
      assert.deepEqual(await detectContentType(value), {
        accepted: false,
        mediaType: 'application/octet-stream',
      });
    }
    const fine = text('\uFEFFsarake\tarvo\r\nrivi\f\n');
    assert.deepEqual(await detectContentType(fine), { accepted: true, mediaType: 'text/plain' });
  });

  test('other formats are named by what they are: executables, GIF, ZIP, an unknown compound file', async () => {
    const cases: Array<[Buffer, string]> = [
      [Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]), 'application/x-msdownload'],
      [Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'), 'image/gif'],
      [storedZip([['ohje.html', '<html></html>']]), 'application/zip'],
      [compoundFile([{ name: '__substg1.0_0037001F' }]), 'application/x-cfb'],
    ];
    for (const [content, contentType] of cases) {
      assert.deepEqual(await detectContentType(content), { accepted: false, mediaType: contentType });
    }
    assert.equal((await refusal({ fileName: 'x.txt', content: Buffer.alloc(0) })).reason, 'empty');
  });

  test('legacy Office files are told apart by the root storage’s streams, not by embedded objects', async () => {
    assert.deepEqual(rootStreamNames(goodFile('application/vnd.ms-powerpoint').content), [
      'PowerPoint Document',
      'Current User',
    ]);
    // A Word document holding an embedded spreadsheet is still a Word document.
    const wordWithSheet = compoundFile([
      { name: 'WordDocument' },
      { name: 'ObjectPool', children: [{ name: '_1', children: [{ name: 'Workbook' }] }] },
    ]);
    assert.deepEqual(await detectContentType(wordWithSheet), {
      accepted: true,
      mediaType: 'application/msword',
    });
    // A truncated or looping directory is "not readable", never an exception or a hang.
    const truncated = goodFile('application/msword').content.subarray(0, 700);
    assert.deepEqual(await detectContentType(truncated), { accepted: false, mediaType: 'application/x-cfb' });
    const looping = Buffer.from(goodFile('application/msword').content);
    looping.writeUInt32LE(1, 512 + 4); // the directory sector points back at itself
    assert.deepEqual(await detectContentType(looping), { accepted: false, mediaType: 'application/x-cfb' });
  });

  test('a served name always ends in an extension of the stored type, whatever was stored', () => {
    assert.equal(fileNameForType('trick.pdf', 'text/plain'), 'trick.txt');
    assert.equal(fileNameForType('ohje.html', 'text/plain'), 'ohje.txt');
    assert.equal(fileNameForType('lasku.pdf.js', 'application/pdf'), 'lasku.pdf.pdf');
    assert.equal(fileNameForType('paatos', 'application/pdf'), 'paatos.pdf');
    assert.equal(fileNameForType('Kuva.JPEG', 'image/jpeg'), 'Kuva.JPEG');
    assert.equal(fileNameForType('lasku\u202Efdp.exe', 'application/pdf'), 'laskufdp.pdf');
    assert.equal(fileNameForType('x.bin', 'application/x-unknown'), 'x.bin');
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.constantFrom(...acceptedMediaTypes),
        (name, mediaType) => {
          const served = fileNameForType(name, mediaType);
          const extensions: readonly string[] = attachmentTypes[mediaType];
          assert.ok(extensions.includes(extensionOf(served) ?? ''), `${JSON.stringify(name)} → ${served}`);
          assert.ok(Array.from(served).length <= maxFileNameLength);
        },
      ),
    );
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addressLines, parsePaperMailRequest } from '../../../src/modules/delivery/paper-mail-request.js';
import { sheetsFor } from '../../../src/modules/delivery/letter-composer.js';

const address = {
  name: 'Maija Meikäläinen',
  streetAddress: 'Kirkkotie 4',
  zipCode: '07500',
  city: 'Askola',
  countryCode: 'FI',
};

describe('the paper part of a message', () => {
  test('v2 PaperMailPart', () => {
    const request = parsePaperMailRequest(
      JSON.stringify({
        attachments: [{ attachmentId: 'a1' }],
        colorPrinting: true,
        createAddressPage: true,
        twoSidedPrinting: true,
        rotateLandscapePages: false,
        recipient: { address },
        sender: { address: { ...address, name: 'Askolan kunta' } },
      }),
    );
    assert.equal(request.documentId, 'a1');
    assert.deepEqual(request.flags, { color: true, duplex: true, addressPage: true, rotateLandscape: false });
    assert.equal(request.recipientAddress?.name, 'Maija Meikäläinen');
    assert.equal(request.senderAddress?.name, 'Askolan kunta');
  });

  test('v1 NewNormalPaperMail, and a request body stored whole', () => {
    const v1 = {
      files: [{ fileId: 'f1' }],
      createCoverPage: true,
      colorPrinting: false,
      recipient: {},
      sender: { address },
    };
    for (const stored of [v1, { paperMail: v1 }]) {
      const request = parsePaperMailRequest(JSON.stringify(stored));
      assert.equal(request.documentId, 'f1');
      assert.equal(request.flags.addressPage, true);
      assert.equal(request.flags.duplex, false);
      assert.equal(request.recipientAddress, undefined, 'address missing: taken from the register');
    }
    assert.throws(() => parsePaperMailRequest('[]'));
  });

  test('address lines: domestic without country, abroad with the country in capitals', () => {
    assert.deepEqual(addressLines({ ...address, additionalName: undefined }), [
      'Maija Meikäläinen',
      'Kirkkotie 4',
      '07500 Askola',
    ]);
    assert.deepEqual(
      addressLines({
        ...address,
        additionalName: 'c/o Virtanen',
        zipCode: '113 59',
        city: 'Stockholm',
        countryCode: 'SE',
      }),
      ['Maija Meikäläinen', 'c/o Virtanen', 'Kirkkotie 4', '113 59 Stockholm', 'SWEDEN'],
    );
  });

  test('sheets: one per page, or one per two pages in duplex', () => {
    assert.equal(sheetsFor(3, false), 3);
    assert.equal(sheetsFor(3, true), 2);
    assert.equal(sheetsFor(4, true), 2);
  });
});

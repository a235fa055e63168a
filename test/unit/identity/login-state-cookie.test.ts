import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Envelope } from '../../../src/crypto/envelope.js';
import { generateKeyRingText, parseKeyRing } from '../../../src/crypto/key-ring.js';
import { LoginStateCookie } from '../../../src/modules/identity/login-state-cookie.js';

const login = { state: 's-123', nonce: 'n-456', codeVerifier: 'v-789', returnTo: '/mailbox/inbox' };
const at = (iso: string) => () => new Date(iso);

describe('the login state cookie', () => {
  test('another web process with the same key ring opens it, also after the active key rotates', () => {
    const ringText = generateKeyRingText('k1');
    const sealed = new LoginStateCookie({
      envelope: new Envelope(parseKeyRing(ringText)),
      clock: at('2026-03-02T08:00:00Z'),
    }).seal(login);
    const otherProcess = new LoginStateCookie({
      envelope: new Envelope(parseKeyRing(ringText)),
      clock: at('2026-03-02T08:05:00Z'),
    });
    assert.deepEqual(otherProcess.open(sealed), login);
    const rotated = `${generateKeyRingText('k2')},${ringText}`;
    const afterRotation = new LoginStateCookie({
      envelope: new Envelope(parseKeyRing(rotated)),
      clock: at('2026-03-02T08:05:00Z'),
    });
    assert.deepEqual(afterRotation.open(sealed), login);
  });

  test('is refused after ten minutes, under another key ring, and when altered', () => {
    const envelope = new Envelope(parseKeyRing(generateKeyRingText('k1')));
    const sealed = new LoginStateCookie({ envelope: envelope, clock: at('2026-03-02T08:00:00Z') }).seal(
      login,
    );
    assert.deepEqual(
      new LoginStateCookie({ envelope: envelope, clock: at('2026-03-02T08:09:59Z') }).open(sealed),
      login,
    );
    assert.equal(
      new LoginStateCookie({ envelope: envelope, clock: at('2026-03-02T08:10:00Z') }).open(sealed),
      undefined,
    );
    const stranger = new Envelope(parseKeyRing(generateKeyRingText('k1')));
    assert.equal(
      new LoginStateCookie({ envelope: stranger, clock: at('2026-03-02T08:00:00Z') }).open(sealed),
      undefined,
    );
    const now = new LoginStateCookie({ envelope: envelope, clock: at('2026-03-02T08:00:00Z') });
    const bytes = Buffer.from(sealed, 'base64url');
    for (let i = 0; i < bytes.length; i += 7) {
      const altered = Buffer.from(bytes);
      altered[i] = altered[i]! ^ 0x01;
      assert.equal(now.open(altered.toString('base64url')), undefined, `byte ${i}`);
    }
    for (const junk of [undefined, '', 'x', '!!!', 'a'.repeat(5000)]) assert.equal(now.open(junk), undefined);
  });

  test('cannot be made from a value encrypted for another purpose', () => {
    const envelope = new Envelope(parseKeyRing(generateKeyRingText('k1')));
    const elsewhere = envelope.encrypt(
      JSON.stringify({ ...login, expiresAt: '2099-01-01T00:00:00.000Z' }),
      'message:1:body',
    );
    assert.equal(
      new LoginStateCookie({ envelope: envelope, clock: at('2026-03-02T08:00:00Z') }).open(
        elsewhere.toString('base64url'),
      ),
      undefined,
    );
  });
});

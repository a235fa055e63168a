import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messageStage, type MessageProgress } from '../../../src/modules/messages/message-stage.js';

const none: MessageProgress = {
  available: false,
  read: false,
  receiptConfirmed: false,
  sentForPrinting: false,
  deliveryFailed: false,
};

test('a message’s stage is its furthest step; failed only when it reached the citizen by no route', () => {
  const table: Array<[Partial<MessageProgress>, string]> = [
    [{}, 'accepted'],
    [{ available: true }, 'available'],
    [{ available: true, read: true }, 'read'],
    [{ available: true, read: true, receiptConfirmed: true }, 'acknowledged'],
    [{ available: true, receiptConfirmed: true }, 'acknowledged'],
    [{ sentForPrinting: true }, 'onPaper'],
    [{ deliveryFailed: true }, 'failed'],
    // A failed notification leaves the message in the mailbox; a printed fallback letter too.
    [{ available: true, deliveryFailed: true }, 'available'],
    [{ available: true, sentForPrinting: true }, 'available'],
    [{ sentForPrinting: true, deliveryFailed: true }, 'onPaper'],
  ];
  assert.deepEqual(
    table.map(([facts]) => [facts, messageStage({ ...none, ...facts })]),
    table,
  );
});

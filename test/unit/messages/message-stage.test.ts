import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  messageStage,
  messageStages,
  stageConditions,
  type MessageProgress,
  type ProgressCondition,
} from '../../../src/modules/messages/message-stage.js';

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

const facts = Object.keys(none) as Array<keyof MessageProgress>;

function meets(progress: MessageProgress, condition: ProgressCondition): boolean {
  return facts.every((fact) => condition[fact] === undefined || condition[fact] === progress[fact]);
}

test('the sent list’s stage filter selects exactly the messages messageStage puts in that stage', () => {
  for (let bits = 0; bits < 1 << facts.length; bits += 1) {
    const progress = Object.fromEntries(
      facts.map((fact, index) => [fact, (bits & (1 << index)) !== 0]),
    ) as unknown as MessageProgress;
    for (const stage of messageStages) {
      const selected = stageConditions(stage).some((condition) => meets(progress, condition));
      assert.equal(selected, messageStage(progress) === stage, `${stage} ${JSON.stringify(progress)}`);
    }
  }
  // Merged to what the stage depends on: an acknowledged message is one with its receipt confirmed.
  assert.deepEqual(stageConditions('acknowledged'), [{ receiptConfirmed: true }]);
});

/**
 * How far an organisation's message to a citizen has got, as one word: the staff's sent list and the
 * dashboard count by it. It is the furthest step of the API's state (GET /v1/messages/{id}/state,
 * MessageQueryService.state) and rests on the same facts: the electronic statuses 'Readable', 'Read'
 * and 'Receipt confirmed' are the columns available_at, read_at and receipt_confirmed_at; the paper
 * status 'Sent for printing and enveloping' is the feed event of that name. What the API does not
 * show is `failed`: the message reached the citizen by neither route and one of its delivery jobs
 * gave up (a failed outbox job).
 */
export const messageStages = ['accepted', 'available', 'read', 'acknowledged', 'onPaper', 'failed'] as const;

export type MessageStage = (typeof messageStages)[number];

/** The facts a stage is read from; each is a yes/no so a grouped query can count by them. */
export interface MessageProgress {
  /** available_at is set: the API's 'Readable'. */
  available: boolean;
  /** read_at is set: 'Read'. */
  read: boolean;
  /** receipt_confirmed_at is set: 'Receipt confirmed'. */
  receiptConfirmed: boolean;
  /** A 'Sent for printing and enveloping' event exists. */
  sentForPrinting: boolean;
  /** One of the message's delivery jobs ended failed. */
  deliveryFailed: boolean;
}

/**
 * The stage of one message. The electronic steps come first: a verifiable message whose paper
 * fallback was also printed is still in the mailbox, and its stage says how far it got there. A
 * failed notification does not make an available message failed: it is in the mailbox all the same.
 */
export function messageStage(progress: MessageProgress): MessageStage {
  if (progress.receiptConfirmed) return 'acknowledged';
  if (progress.read) return 'read';
  if (progress.available) return 'available';
  if (progress.sentForPrinting) return 'onPaper';
  if (progress.deliveryFailed) return 'failed';
  return 'accepted';
}

const progressFacts = ['available', 'read', 'receiptConfirmed', 'sentForPrinting', 'deliveryFailed'] as const;

/** Some of the facts, each required to be true or false; the facts not named may be either. */
export type ProgressCondition = Partial<MessageProgress>;

function mergeable(a: ProgressCondition, b: ProgressCondition): keyof MessageProgress | undefined {
  let differing: keyof MessageProgress | undefined;
  for (const fact of progressFacts) {
    if (fact in a !== fact in b) return undefined;
    if (a[fact] !== b[fact]) {
      if (differing) return undefined;
      differing = fact;
    }
  }
  return differing;
}

/**
 * The facts a message in `stage` has, as alternatives (a message is in the stage exactly when it
 * meets one of them): what a query filters by when it lists one stage. Derived from messageStage
 * itself, by trying every combination of the facts and merging pairs that differ in one fact, so a
 * filter can never disagree with the stage a row is shown with.
 */
export function stageConditions(stage: MessageStage): ProgressCondition[] {
  let terms: ProgressCondition[] = [];
  for (let bits = 0; bits < 1 << progressFacts.length; bits += 1) {
    const progress = Object.fromEntries(
      progressFacts.map((fact, index) => [fact, (bits & (1 << index)) !== 0]),
    ) as unknown as MessageProgress;
    if (messageStage(progress) === stage) terms.push(progress);
  }
  for (;;) {
    const next: ProgressCondition[] = [];
    const merged = new Set<number>();
    terms.forEach((a, i) => {
      terms.forEach((b, j) => {
        if (j <= i) return;
        const fact = mergeable(a, b);
        if (!fact) return;
        const { [fact]: _dropped, ...rest } = a;
        if (!next.some((term) => sameCondition(term, rest))) next.push(rest);
        merged.add(i).add(j);
      });
    });
    if (merged.size === 0) return terms;
    terms = [...next, ...terms.filter((_, index) => !merged.has(index))];
  }
}

function sameCondition(a: ProgressCondition, b: ProgressCondition): boolean {
  return progressFacts.every((fact) => a[fact] === b[fact] && fact in a === fact in b);
}

/** The facts from the 0/1 columns a query selected with progressFlags (message-progress-repository.ts). */
export function progressOf(row: {
  is_available: unknown;
  is_read: unknown;
  is_confirmed: unknown;
  is_printed: unknown;
  is_failed: unknown;
}): MessageProgress {
  return {
    available: Number(row.is_available) === 1,
    read: Number(row.is_read) === 1,
    receiptConfirmed: Number(row.is_confirmed) === 1,
    sentForPrinting: Number(row.is_printed) === 1,
    deliveryFailed: Number(row.is_failed) === 1,
  };
}

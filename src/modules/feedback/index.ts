import type { AppContext } from '../../app-context.js';
import { personalDataSeal } from '../../personal-data-seal.js';
import { RateLimitCounterRepository } from '../../db/rate-limit-counter-repository.js';
import { FeedbackRepository } from './feedback-repository.js';
import { FeedbackService } from './feedback-service.js';
import { FormStamp } from './form-stamp.js';

export {
  FeedbackService,
  feedbackThrottle,
  feedbackTopics,
  isFeedbackTopic,
  messageLength,
} from './feedback-service.js';
export type { FeedbackInput, FeedbackOutcome, FeedbackProblem, FeedbackTopic } from './feedback-service.js';
export type { FeedbackRow } from './feedback-repository.js';
export { maximumFormAgeMs, minimumFillMs } from './form-stamp.js';

/** The public feedback form's service: checks, throttling, storing, listing and purging feedback. */
export function createFeedbackService(context: AppContext): FeedbackService {
  return new FeedbackService({
    repository: new FeedbackRepository(context.database.db, personalDataSeal(context)),
    counters: new RateLimitCounterRepository(context.database.db),
    stamps: new FormStamp(context.envelope, context.clock),
    clock: context.clock,
    retentionDays: context.config.feedbackRetentionDays,
  });
}

import type { AppContext } from '../../app-context.js';
import type { PeriodicTask } from '../../worker/worker.js';
import { SigningKeyFile } from '../identity/index.js';
import { EvidenceKeyAdministration, evidenceKeyVariable as keyVariable } from './evidence-keys.js';
import { evidenceAlgorithm } from './evidence-format.js';
import { EvidenceBundles, EvidenceRecorder, deemedBatchSize } from './evidence-service.js';

export {
  evidenceEventNames,
  readBundle,
  verifyBundle,
  type EvidenceBundle,
  type EvidenceEventName,
  type EvidencePayload,
  type TimelineEntry,
  type Verification,
} from './evidence-format.js';
export { EvidenceBundles, EvidenceRecorder } from './evidence-service.js';
export type { EvidenceOccurrence } from './evidence-service.js';
export type { EvidenceKeyAdministration, EvidenceKeyListing } from './evidence-keys.js';

/** Signed delivery evidence (docs/evidence.md): the recorder other modules write through, bundles, keys. */
export interface EvidenceServices {
  /** Given to messages, mailbox and delivery: they record in their own transactions. */
  recorder: EvidenceRecorder;
  bundles: EvidenceBundles;
  /** What /.well-known/jwks.json publishes: every key of the file, public halves only. */
  publicJwks(): { keys: JsonWebKey[] };
  /** Reads the key file now (serve's start-up); throws when it is missing or unusable. */
  checkKeys(): void;
  /** The operator's `keys evidence list | rotate | retire`. */
  keys: EvidenceKeyAdministration;
}

/**
 * The signing key file is read (and, in DATA_DIR, made) on first use, not when the services are
 * built: an operator command run as root never signs, so it must not create the file the service
 * user then cannot read. `serve` calls `checkKeys()` at start-up, so a missing or unusable file stops
 * the start rather than the first send. Without EVIDENCE_SIGNING_KEY_FILE the file in DATA_DIR is
 * used, made with a fresh key on first use.
 */
export function createEvidenceServices(context: AppContext): EvidenceServices {
  const { config, logger } = context;
  const { file, inDataDir } = config.evidenceKeyFile;
  let loaded: SigningKeyFile | undefined;
  const keys = (): SigningKeyFile => {
    if (loaded) return loaded;
    const keyFile = new SigningKeyFile(file, {
      variable: keyVariable,
      generateIfMissing: inDataDir,
      clock: context.clock,
      onReload: (outcome) => {
        if ('error' in outcome) {
          logger.error(
            { err: outcome.error },
            'evidence key file changed but cannot be used; the keys held stay in use',
          );
        } else logger.info({ kids: outcome.kids }, 'evidence key file re-read');
      },
    });
    if (keyFile.keys().at(-1)?.alg !== evidenceAlgorithm) {
      throw new Error(
        `${keyVariable} ${file}: the newest key must be an EC P-256 key (${evidenceAlgorithm})`,
      );
    }
    if (inDataDir && !context.testMode) {
      logger.warn(
        { file },
        'EVIDENCE_SIGNING_KEY_FILE is not set: delivery evidence is signed with a key kept in DATA_DIR; set it (the same file for every process) and back it up',
      );
    }
    loaded = keyFile;
    return keyFile;
  };
  const recorder = new EvidenceRecorder({
    keys: () => keys().keys(),
    envelope: context.envelope,
    issuer: config.publicUrl.origin,
  });
  return {
    recorder,
    bundles: new EvidenceBundles({ db: context.database.db, recorder, clock: context.clock }),
    publicJwks: () => recorder.publicJwks(),
    checkKeys: () => void keys(),
    keys: new EvidenceKeyAdministration({ db: context.database.db, file }),
  };
}

/** The worker's task: record DeemedReceived for messages whose deemed-received day has come. */
export function evidenceTasks(context: AppContext, services: EvidenceServices): PeriodicTask[] {
  return [
    {
      name: 'evidence-deemed-received',
      intervalMs: 10 * 60 * 1000,
      run: async () => {
        const recorded = await services.bundles.recordDueDeemedReceived();
        if (recorded > 0) context.logger.info({ recorded }, 'deemed-received evidence recorded');
        return recorded >= deemedBatchSize;
      },
    },
  ];
}

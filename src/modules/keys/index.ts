import type { AppContext } from '../../app-context.js';
import { KeyRotationService } from './key-rotation-service.js';
import { KeyUsageRepository } from './key-usage-repository.js';

export type { KeyStatus, KeyUsage, RewrapOutcome } from './key-rotation-service.js';
export { KeyRotationService, malformedKeyId } from './key-rotation-service.js';
export { recordMasterKeyChange, type MasterKeyAction } from './key-audit.js';
export { sealedColumns, sealedInText } from './encrypted-values.js';
export type { SealedColumn, SealedInText } from './encrypted-values.js';

/** The master key ring's use in the stored data: status, rewrap (operator commands `keys …`). */
export function createKeyRotationService(
  context: Pick<AppContext, 'database' | 'envelope'>,
): KeyRotationService {
  return new KeyRotationService({
    repository: new KeyUsageRepository(context.database.db),
    envelope: context.envelope,
  });
}

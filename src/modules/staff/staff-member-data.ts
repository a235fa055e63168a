import { personalDataContext, type PersonalDataSeal } from '../../crypto/personal-data.js';

/** A member's identity code and names, opened. */
export function openedMember(
  seal: PersonalDataSeal,
  row: { identity_code_enc: Buffer | null; first_names_enc: Buffer | null; last_name_enc: Buffer | null },
): { identityCode: string; firstNames: string; lastName: string } {
  return {
    identityCode: seal.openOptional(row.identity_code_enc, personalDataContext.staffIdentityCode) ?? '',
    firstNames: seal.openOptional(row.first_names_enc, personalDataContext.staffFirstNames) ?? '',
    lastName: seal.openOptional(row.last_name_enc, personalDataContext.staffLastName) ?? '',
  };
}

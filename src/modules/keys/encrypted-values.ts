import { letterContext } from '../delivery/index.js';
import { citizenNamesContext, providerSessionContext } from '../identity/index.js';
import { contentContext } from '../messages/index.js';
import { idTokenContext } from '../staff/index.js';
import { testIdpSecretsRecord } from '../../test-idp/test-idp-secrets.js';
import { personalDataContext as personal } from '../../crypto/personal-data.js';

/*
 * Every place where the database keeps a value sealed by the envelope (crypto/envelope.ts), with the
 * context it was sealed under: key rotation must find each one, or the old key could never be
 * retired. A binary column missing here fails test/service/keys/encrypted-values.test.ts; a value
 * sealed inside a text column has to be added by hand (the modules named below own them).
 *
 * Values sealed outside the database are not here: the login-state cookie (identity) and the
 * feedback form's stamp live in browsers for minutes and are simply refused once their key is gone.
 */

/** A binary column holding whole sealed values; an empty value (a purged message) is not sealed. */
export interface SealedColumn {
  /** `table.column`, as status shows it. */
  name: string;
  table: string;
  /** The primary key, to address a row (and, where it is bound in, to rebuild the context). */
  key: string;
  column: string;
  context: (key: string) => string;
}

/** A text column holding a sealed value inside it: a JSON field, or the whole text, as base64(url). */
export interface SealedInText {
  name: string;
  table: string;
  key: string;
  column: string;
  /** Only rows whose `column` equals `value` hold one (a table shared with unsealed rows). */
  only?: { column: string; value: string };
  context: (key: string) => string;
  /** The sealed value in the text, if there is one. */
  read: (text: string) => Buffer | undefined;
  /** The text with the sealed value replaced. */
  write: (text: string, sealed: Buffer) => string;
}

const column = (
  table: string,
  key: string,
  name: string,
  context: (key: string) => string,
): SealedColumn => ({
  name: `${table}.${name}`,
  table,
  key,
  column: name,
  context,
});

export const sealedColumns: readonly SealedColumn[] = [
  column('messages', 'id', 'title_enc', () => contentContext.title),
  column('messages', 'id', 'body_enc', () => contentContext.body),
  column('messages', 'id', 'paper_enc', () => contentContext.paper),
  column('attachments', 'id', 'content_enc', (id) => contentContext.attachment(id)),
  column('print_letters', 'id', 'pdf_enc', (id) => letterContext(id)),
  // Personal data (crypto/personal-data.ts). The lookup key is rewrapped like any value and never
  // changes, so the stored lookup hashes stay valid across rotations.
  column('lookup_keys', 'purpose', 'key_enc', () => personal.lookupKey),
  column('accounts', 'id', 'identity_code_enc', () => personal.accountIdentityCode),
  column('accounts', 'id', 'email_enc', () => personal.accountEmail),
  column('accounts', 'id', 'mobile_enc', () => personal.accountMobile),
  column('web_sessions', 'id_hash', 'identity_code_enc', () => personal.sessionIdentityCode),
  column('delivery_consents', 'id', 'identity_code_enc', () => personal.consentIdentityCode),
  column('delivery_consents', 'id', 'recorded_by_name_enc', () => personal.consentRecordedByName),
  column('feedback', 'id', 'reply_email_enc', () => personal.feedbackReplyEmail),
  column('messages', 'id', 'recipient_id_enc', () => personal.messageRecipientId),
  column('staff_members', 'id', 'identity_code_enc', () => personal.staffIdentityCode),
  column('staff_members', 'id', 'first_names_enc', () => personal.staffFirstNames),
  column('staff_members', 'id', 'last_name_enc', () => personal.staffLastName),
];

/** A JSON object's string field holding a base64url sealed value (the sessions' data column). */
function jsonField(field: string): Pick<SealedInText, 'read' | 'write'> {
  return {
    read: (text) => {
      const value: unknown = (JSON.parse(text) as Record<string, unknown>)[field];
      return typeof value === 'string' ? Buffer.from(value, 'base64url') : undefined;
    },
    write: (text, sealed) =>
      JSON.stringify({ ...(JSON.parse(text) as object), [field]: sealed.toString('base64url') }),
  };
}

export const sealedInText: readonly SealedInText[] = [
  {
    name: 'web_sessions.data (provider)',
    table: 'web_sessions',
    key: 'id_hash',
    column: 'data',
    context: providerSessionContext,
    ...jsonField('provider'),
  },
  {
    name: 'web_sessions.data (names)',
    table: 'web_sessions',
    key: 'id_hash',
    column: 'data',
    context: citizenNamesContext,
    ...jsonField('names'),
  },
  {
    name: 'staff_sessions.data (idToken)',
    table: 'staff_sessions',
    key: 'id_hash',
    column: 'data',
    context: idTokenContext,
    ...jsonField('idToken'),
  },
  {
    name: 'test_idp_records.payload (ProviderSecrets)',
    table: 'test_idp_records',
    key: 'record_id',
    column: 'payload',
    only: { column: 'model', value: testIdpSecretsRecord.model },
    context: () => testIdpSecretsRecord.context,
    read: (text) => Buffer.from(text, 'base64'),
    write: (_text, sealed) => sealed.toString('base64'),
  },
];

import { Type, type TSchema, type TUnsafe } from '@sinclair/typebox';

/**
 * Building blocks for the contract's schemas. Enums are written as `{type: string, enum: […]}` as in
 * the contract (TypeBox's literal unions would come out as `const`, which OpenAPI 3.0 lacks).
 */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: { default?: T[number]; description?: string } = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/**
 * Marks a field or operation that is ours, not the contract's. Route schemas are compiled by Ajv in
 * strict mode, which rejects unknown keywords, so the marker travels in the description and the
 * OpenAPI document turns it into `x-asiointitili-extension: true` (see openapi-document.ts).
 */
export const extensionMarker = '[asiointitili extension]';

export function extension(description: string): { description: string } {
  return { description: `${extensionMarker} ${description}` };
}

export const MessageId = Type.Integer({ description: 'ID of the message' });

export const ErrorResponse = Type.Object({ reason: Type.String() });

export const ValidationErrorResponse = Type.Object({
  reason: Type.String(),
  validationErrors: Type.Array(
    Type.Object({
      error: Type.String(),
      errorCode: Type.Optional(StringEnum(['MAILBOX_NOT_IN_USE', 'MESSAGE_BEING_REPLIED_TO_NOT_FOUND'])),
    }),
  ),
});

export const MessageResponse = Type.Object({ messageId: MessageId });

export const MessageAlreadyExistsResponse = Type.Object({ messageId: MessageId, reason: Type.String() });

/** The contract's security requirement, repeated on every operation that needs a token. */
export const tokenSecurity = [{ oauth2: ['aws.cognito.signin.user.admin'] }];

/** Error responses every authenticated operation can give. */
export function authenticatedErrors<T extends Record<number, TSchema>>(responses: T) {
  return { 401: ErrorResponse, 403: ErrorResponse, ...responses };
}

import { Type } from '@sinclair/typebox';

const EndUserId = Type.Object({
  id: Type.String({
    minLength: 9,
    maxLength: 11,
    description: 'Personal identity code or Business Identity Code',
  }),
});

export const EndUsers = Type.Object({
  endUsers: Type.Array(EndUserId, { minItems: 1, maxItems: 10000 }),
});

export const EndUsersWithActiveMailbox = Type.Object({
  endUsersWithActiveMailbox: Type.Array(EndUserId),
});

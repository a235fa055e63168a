import { Type } from '@sinclair/typebox';
import { StringEnum } from './common.js';

export const AccessTokenRequestBody = Type.Object({
  password: Type.String({ maxLength: 1024 }),
  username: Type.String({ maxLength: 256 }),
});

export const AccessTokenResponse = Type.Object({
  access_token: Type.String(),
  expires_in: Type.Integer(),
  token_type: StringEnum(['Bearer']),
});

export const ChangePasswordRequestBody = Type.Object({
  accessToken: Type.String({ maxLength: 1024 }),
  currentPassword: Type.String({ maxLength: 1024 }),
  newPassword: Type.String({ maxLength: 1024 }),
});

export const ChangePasswordResponse = Type.Object({});

import { staffPaths } from '../../../modules/staff/index.js';
import { safeReturnPath } from '../../return-path.js';

/**
 * Where a staff member goes after signing in or choosing an organisation: a staff page they asked
 * for, never a citizen page nor the sign-in steps themselves (which would loop).
 */
export function staffReturnPath(value: unknown, publicUrl: URL): string {
  const path = safeReturnPath(value, publicUrl);
  const within =
    path === staffPaths.root ||
    path.startsWith(`${staffPaths.root}/`) ||
    path.startsWith(`${staffPaths.root}?`);
  if (!within) return staffPaths.root;
  return /^\/virkailija\/(kirjaudu|auth|organisaatio|uloskirjautunut)(\/|\?|$)/.test(path)
    ? staffPaths.root
    : path;
}

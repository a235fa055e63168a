import type { FormFile } from '../../helpers/multipart-form.js';
import { multipartForm } from '../../helpers/multipart-form.js';
import type { StaffBrowser } from '../../helpers/staff-session.js';
import type { TestHarness } from '../../helpers/test-app.js';

/** The send form's hidden key, as the GET /virkailija/laheta page rendered it. */
export function sendKeyOf(html: string): string {
  const match = /name="sendKey" value="([0-9a-f-]{36})"/.exec(html);
  if (!match) throw new Error('the page has no send form');
  return match[1]!;
}

/**
 * Posts the staff send form as a browser does (multipart, `_csrf` first unless `csrf: null`), with
 * the staff browser's cookies.
 */
export async function postSendForm(
  h: TestHarness,
  staff: StaffBrowser,
  fields: Record<string, string>,
  files: FormFile[] = [],
  options: { csrf?: string | null } = {},
) {
  const csrf = options.csrf === undefined ? staff.csrfToken : options.csrf;
  const ordered: Array<[string, string]> = [
    ...(csrf === null ? [] : [['_csrf', csrf] as [string, string]]),
    ...Object.entries(fields),
  ];
  const form = multipartForm(ordered, files);
  const target = new URL('/virkailija/laheta', h.context.config.publicUrl);
  const response = await h.app.inject({
    method: 'POST',
    url: target.pathname,
    headers: {
      ...form.headers,
      host: h.context.config.publicUrl.host,
      ...(h.context.config.publicUrl.protocol === 'https:' ? { 'x-forwarded-proto': 'https' } : {}),
      cookie: staff.jar.header(target.pathname),
    },
    payload: form.payload,
  });
  staff.jar.update(response);
  const location = response.headers.location;
  return {
    statusCode: response.statusCode,
    body: response.body,
    location: typeof location === 'string' ? location : undefined,
  };
}

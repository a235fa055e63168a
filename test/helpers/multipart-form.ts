import { randomUUID } from 'node:crypto';

export interface FormFile {
  fileName: string;
  content: Buffer;
  contentType?: string;
}

/** A multipart/form-data body as a browser sends it: fields in order, then the files. */
export function multipartForm(
  fields: Array<[string, string]>,
  files: FormFile[] = [],
  fileField = 'attachments',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----asiointitili${randomUUID().replace(/-/g, '')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of fields) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${file.fileName}"\r\n` +
          `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

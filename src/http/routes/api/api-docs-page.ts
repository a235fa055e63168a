/**
 * The human-readable API reference at /api-docs: server-rendered from our OpenAPI document, plain
 * HTML with the site's stylesheet and no script (the CSP forbids inline script anyway).
 */
interface Operation {
  summary?: string;
  description?: string;
  deprecated?: boolean;
  operationId?: string;
  'x-asiointitili-extension'?: boolean;
}

interface Document {
  info: { title: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function renderApiDocsPage(document: Document): string {
  const rows = Object.entries(document.paths)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([path, operations]) =>
      methods
        .filter((method) => operations[method])
        .map((method) => {
          const operation = operations[method]!;
          const notes = [
            operation.deprecated ? 'deprecated in the contract' : '',
            operation['x-asiointitili-extension'] ? 'asiointitili extension' : '',
          ].filter(Boolean);
          return `<section id="${escapeHtml(operation.operationId ?? `${method}-${path}`)}">
<h2><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h2>
<p>${escapeHtml(operation.summary ?? '')}</p>
${operation.description ? `<p>${escapeHtml(operation.description)}</p>` : ''}
${notes.length ? `<p><strong>${escapeHtml(notes.join(', '))}</strong></p>` : ''}
</section>`;
        }),
    );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)}</title>
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<main id="main">
<h1>${escapeHtml(document.info.title)}</h1>
<p>${escapeHtml(document.info.description ?? '')}</p>
<p>Machine-readable: <a href="/api-docs/openapi.json">OpenAPI 3.0 document</a>. A walkthrough with curl is in
docs/api.md. Every operation except <code>POST /v1/token</code> and <code>POST /v1/change-password</code>
needs <code>Authorization: Bearer &lt;access_token&gt;</code>.</p>
${rows.join('\n')}
</main>
</body>
</html>
`;
}

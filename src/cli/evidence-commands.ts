import fs from 'node:fs';
import type { Command } from 'commander';

/** Reads the JWKS from a URL (http/https) or a file. */
async function readJwks(source: string): Promise<unknown> {
  if (/^https?:\/\//i.test(source)) {
    const response = await fetch(source, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`--jwks ${source} answered HTTP ${response.status}`);
    return response.json();
  }
  return JSON.parse(readText(source, '--jwks'));
}

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${what} ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * `evidence verify <file> [--jwks url|file]`: checks a bundle (from GET /v2/messages/{id}/evidence or
 * the citizen's download) offline: every signature against the JWKS, the chain and the order. Prints
 * the timeline; exits 1 naming the first bad record. Without --jwks the keys are fetched from the
 * issuer named in the first record (its /.well-known/jwks.json).
 */
export function registerEvidenceCommands(program: Command): void {
  program
    .command('evidence')
    .description('signed delivery evidence (docs/evidence.md)')
    .command('verify')
    .description('verify an evidence bundle offline and print its timeline')
    .argument('<file>', 'the bundle (JSON)')
    .option(
      '--jwks <source>',
      'the public keys: a URL or a file (default: the issuer’s /.well-known/jwks.json)',
    )
    .action(async (file: string, options: { jwks?: string }, command: Command) => {
      const writeOut = command.configureOutput().writeOut ?? ((text: string) => process.stdout.write(text));
      const { verifyBundle } = await import('../modules/evidence/index.js');
      let bundle: unknown;
      try {
        bundle = JSON.parse(readText(file, 'bundle'));
      } catch (error) {
        throw error instanceof SyntaxError ? new Error(`bundle ${file} is not JSON`) : error;
      }
      const jwks = await readJwks(options.jwks ?? issuerJwks(bundle));
      const result = await verifyBundle(bundle, jwks);
      for (const entry of result.timeline) {
        const details = entry.details
          ? ` ${Object.entries(entry.details)
              .map(([name, value]) => `${name}=${value}`)
              .join(' ')}`
          : '';
        writeOut(`${String(entry.seq).padStart(3)}  ${entry.time}  ${entry.event}${details}\n`);
      }
      if (!result.ok) throw new Error(`evidence does not verify: ${result.problem}`);
      writeOut(
        `message ${result.messageId}${result.externalId === null ? '' : ` (externalId ${result.externalId})`}: ` +
          `${result.timeline.length} records verified, signatures and chain intact\n`,
      );
    });
}

/** The JWKS URL of the issuer the first record names (read without trusting it: only to find keys). */
function issuerJwks(bundle: unknown): string {
  const first = (bundle as { records?: unknown[] } | null)?.records?.[0];
  if (typeof first === 'string') {
    try {
      const payload = JSON.parse(Buffer.from(first.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
        iss?: unknown;
      };
      if (typeof payload.iss === 'string') return new URL('/.well-known/jwks.json', payload.iss).href;
    } catch {
      // fall through
    }
  }
  throw new Error('the bundle names no issuer: give the keys with --jwks <url|file>');
}

import fs from 'node:fs';
import path from 'node:path';
import { settings } from '../../src/config/settings.js';
import { projectRoot } from '../../src/project-root.js';

/** Readers for the artefacts in deploy/, shared by the checks that lint them and the ones that run them. */

export function deployFile(relative: string): string {
  return fs.readFileSync(path.join(projectRoot, 'deploy', relative), 'utf8');
}

/** The variables the configuration reads: every one is declared in the settings table. */
export function configurationVariables(): Set<string> {
  return new Set(Object.values(settings).map((setting) => setting.env));
}

/** NAME=value lines of an environment file (systemd EnvironmentFile, compose .env). */
export function environmentFileEntries(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(trimmed);
    if (!match) throw new Error(`not an environment line: ${line}`);
    entries.set(match[1]!, match[2]!);
  }
  return entries;
}

export interface DockerInstruction {
  instruction: string;
  args: string;
  line: number;
}

export interface DockerStage {
  name: string;
  image: string;
  instructions: DockerInstruction[];
}

/** A Dockerfile's stages and their instructions, continuation lines joined, comments dropped. */
export function dockerStages(text: string): DockerStage[] {
  const stages: DockerStage[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const start = index;
    let logical = lines[index]!;
    if (logical.trim() === '' || logical.trim().startsWith('#')) continue;
    while (logical.endsWith('\\') && index + 1 < lines.length) {
      index++;
      const next = lines[index]!;
      if (next.trim().startsWith('#')) continue;
      logical = `${logical.slice(0, -1)} ${next.trim()}`;
    }
    const match = /^\s*([A-Za-z]+)\s+(.*)$/.exec(logical);
    if (!match) throw new Error(`Dockerfile line ${start + 1} is not an instruction: ${logical}`);
    const instruction = { instruction: match[1]!.toUpperCase(), args: match[2]!.trim(), line: start + 1 };
    if (instruction.instruction === 'FROM') {
      const from = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args);
      stages.push({ image: from?.[1] ?? '', name: from?.[2] ?? '', instructions: [] });
    } else if (stages.length === 0) {
      throw new Error(`Dockerfile line ${start + 1}: ${instruction.instruction} before FROM`);
    } else {
      stages.at(-1)!.instructions.push(instruction);
    }
  }
  return stages;
}

/** deploy/Dockerfile: its text, its stages in order, and the last (runtime) stage. */
export function dockerfile(): { text: string; stages: DockerStage[]; runtime: DockerStage } {
  const text = deployFile('Dockerfile');
  const stages = dockerStages(text);
  return { text, stages, runtime: stages.at(-1)! };
}

export interface DockerCopy {
  from: string | undefined;
  sources: string[];
  destination: string;
}

/** COPY [--from=stage] [--chown=…] source… destination */
export function dockerCopy(args: string): DockerCopy {
  const words = args.split(/\s+/);
  let from: string | undefined;
  while (words[0]?.startsWith('--')) {
    const flag = words.shift()!;
    if (flag.startsWith('--from=')) from = flag.slice('--from='.length);
  }
  const destination = words.pop()!;
  return { from, sources: words, destination };
}

/** The JSON (exec) form of CMD, ENTRYPOINT and HEALTHCHECK CMD; undefined for the shell form. */
export function execForm(args: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((part) => typeof part === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** KEY=value pairs of an ENV instruction (the form with an equals sign). */
export function dockerEnv(args: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const match of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=(\S*)/g)) entries.set(match[1]!, match[2]!);
  return entries;
}

/** A systemd unit file: section → key → values (a key may repeat). */
export function unitFile(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const section = /^\[(.+)\]$/.exec(trimmed);
    if (section) {
      current = new Map();
      sections.set(section[1]!, current);
      continue;
    }
    const entry = /^([A-Za-z]+)=(.*)$/.exec(trimmed);
    if (!entry || !current) throw new Error(`not a unit file line: ${line}`);
    current.set(entry[1]!, [...(current.get(entry[1]!) ?? []), entry[2]!]);
  }
  return sections;
}

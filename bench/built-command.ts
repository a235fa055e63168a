import { spawnSync } from 'node:child_process';

let built = false;

/** The scenarios that start the real `serve` run the compiled command, which must match the sources. */
export function buildCommandOnce(): void {
  if (built) return;
  const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  built = true;
}

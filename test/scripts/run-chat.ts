import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { projectRoot } from '../../src/paths.js';

/** The built `npm run chat` program, as `npm run chat` runs it. */
export const chatScript = resolve(projectRoot, 'dist/scripts/chat.js');

/** How a run of the chat ended: its exit code and everything it printed. */
export interface ChatRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout's lines, without the trailing empty one. */
  lines: string[];
}

/**
 * Runs the chat program as a child process with `args`, `input` on its stdin (then closed), and
 * only PATH in its environment, so a developer's settings cannot change what it does.
 */
export function runChat(args: readonly string[], input = ''): Promise<ChatRun> {
  const child = spawn(process.execPath, [chatScript, ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, TZ: 'America/Chicago' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdin.end(input);
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr, lines: stdout.split('\n').slice(0, -1) }));
  });
}

/** The lines after the first one that is exactly `line` (the client's echo of what was sent). */
export function linesAfter(run: ChatRun, line: string): string[] {
  const at = run.lines.indexOf(line);
  if (at < 0) throw new Error(`no line "${line}" in:\n${run.stdout}${run.stderr}`);
  return run.lines.slice(at + 1);
}

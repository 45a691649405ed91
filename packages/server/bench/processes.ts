// Child processes, temp dirs and their cleanup for the benchmark. Everything started here registers a
// cleanup; cleanupAll() runs them newest first and is called on success, failure and SIGINT/SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

type Cleanup = { label: string; run: () => Promise<void> | void };
const cleanups: Cleanup[] = [];

export function onCleanup(label: string, run: Cleanup['run']): void {
  cleanups.push({ label, run });
}

export async function cleanupAll(): Promise<void> {
  while (cleanups.length) {
    const { label, run } = cleanups.pop()!;
    try {
      await run();
    } catch (error) {
      console.error(`cleanup of ${label} failed:`, error instanceof Error ? error.message : error);
    }
  }
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Keeps the last bytes a child wrote, to explain a failure. */
function tail(child: ChildProcess): () => string {
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text.trim();
}

/** Runs a command to completion; rejects with its output when it exits non-zero. */
export function runCommand(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${[command, ...args].join(' ')} exited with ${code ?? signal}\n${(stderr || stdout).trim()}`));
    });
  });
}

export interface Server {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts a long-running server process. Its stdin stays piped so that, preloaded with
 * exit-with-parent.ts, it stops by itself if this process dies. stop(): SIGTERM, then SIGKILL after 5 s.
 */
export function startServer(label: string, command: string, args: string[], options: { env: NodeJS.ProcessEnv; cwd: string }): Server {
  const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const output = tail(child);
  child.on('error', (error) => console.error(`${label}: ${error.message}`));
  const stop = async () => {
    if (exited(child)) return;
    child.kill('SIGTERM');
    if (await waitExit(child, 5_000)) return;
    console.error(`${label} (pid ${child.pid}) ignored SIGTERM; killing it`);
    child.kill('SIGKILL');
    await waitExit(child, 5_000);
  };
  onCleanup(label, stop);
  return { child, output, stop };
}

/** Polls url until it answers 200; fails early, with the server's output, if the process exits. */
export async function waitForHttp(label: string, server: Server, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited(server.child)) throw new Error(`${label} exited before it was ready (${server.child.exitCode ?? server.child.signalCode}):\n${server.output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${label} was not ready at ${url} within ${timeoutMs / 1000} s:\n${server.output()}`);
}

/** On Ctrl-C or a kill, runs every cleanup (servers, PostgreSQL, temp dirs) before exiting. */
export function cleanUpOnSignals(what: string): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`\n${signal}: stopping ${what} and removing temp dirs…`);
      void cleanupAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

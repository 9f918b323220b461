import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
const devAccount = 'devstoreaccount1';
const devKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** The locally installed azurite-blob (a dev dependency: CI needs no global install). */
const azuriteBin = fileURLToPath(new URL('../../../node_modules/.bin/azurite-blob', import.meta.url));

/**
 * A local Azure Blob service for tests: Azurite in memory, on loopback, without telemetry (so it
 * never reaches the internet). `stop()` and `start()` again keep the same port, so a test can
 * take the service away and bring it back under a store that keeps its connection string.
 */
export class Azurite {
  readonly port: number;
  #child: ChildProcess | undefined;

  private constructor(
    port: number,
    private readonly location?: string,
  ) {
    this.port = port;
  }

  /**
   * Starts Azurite on a free loopback port and resolves once it accepts connections. In memory
   * by default; with `location`, on disk there, so data outlives a stop and start.
   */
  static async start(options: { location?: string } = {}): Promise<Azurite> {
    const azurite = new Azurite(await freePort(), options.location);
    await azurite.start();
    return azurite;
  }

  /** The connection string a BlobsStorage (or BlobAppStorage) needs to reach this Azurite. */
  get connectionString(): string {
    return (
      `DefaultEndpointsProtocol=http;AccountName=${devAccount};AccountKey=${devKey};` +
      `BlobEndpoint=http://127.0.0.1:${this.port}/${devAccount};`
    );
  }

  get running(): boolean {
    return this.#child !== undefined;
  }

  /** (Re)starts the process on this instance's port; resolves once it accepts connections. */
  async start(): Promise<void> {
    if (this.#child) return;
    const child = spawn(
      azuriteBin,
      [
        ...(this.location ? ['--location', this.location] : ['--inMemoryPersistence']),
        '--disableTelemetry',
        '--blobHost',
        '127.0.0.1',
        '--blobPort',
        String(this.port),
        '--skipApiVersionCheck',
        '--loose',
        '--silent',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.#child = child;
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    // Never leave an Azurite behind, even when the test run ends without after() (a crash, --bail).
    const killOnExit = (): void => {
      child.kill('SIGKILL');
    };
    process.once('exit', killOnExit);
    child.once('exit', () => {
      process.off('exit', killOnExit);
      if (this.#child === child) this.#child = undefined;
    });
    const deadline = Date.now() + 30_000;
    while (!(await accepts(this.port))) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`Azurite exited (${child.exitCode ?? child.signalCode}) before listening: ${stderr}`);
      }
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(`Azurite did not listen on 127.0.0.1:${this.port} within 30 s: ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Stops the process and resolves once it has exited and the port no longer accepts connections. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    this.#child = undefined;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    while (await accepts(this.port)) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A port the OS says is free on loopback right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address for a free port');
  return address.port;
}

/** True when something accepts a TCP connection on 127.0.0.1:`port`. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

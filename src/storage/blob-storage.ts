import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { StoreItem, StoreItems } from 'botbuilder';
import type { BlobsStorage } from 'botbuilder-azure-blobs';
import type { AppStorage } from './app-storage.js';
import { StorageConfigError, StorageConflictError, StorageUnavailableError } from './errors.js';

/** What the Azure Blob store needs: BLOB_CONNECTION_STRING and BLOB_CONTAINER. */
export interface BlobAppStorageOptions {
  /** An Azure Storage connection string (never logged: it carries the account key). */
  connectionString: string;
  /** The container that holds one blob per key; created on first use when missing. */
  container: string;
  /** How long ready() waits for the service before reporting it unreachable (default 5 s). */
  readyTimeoutMs?: number;
}

const require = createRequire(import.meta.url);

/**
 * botbuilder-azure-blobs with the Azure SDK under it: loaded when the first blob store is made,
 * not at start, because loading it takes about a quarter of a second that STORAGE=file and
 * memory never need. (It is CommonJS, so it loads synchronously, as the constructor needs.)
 */
function blobsModule(): typeof import('botbuilder-azure-blobs') {
  return require('botbuilder-azure-blobs');
}

/** BlobsStorage's conflict message: its key is the blob name this wrapper chose. */
const conflictMessage = /^Storage: error writing "(.*)" due to eTag conflict\.$/s;

/** Azure's container naming rule: 3-63 lowercase letters, digits and single hyphens. */
const containerName = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

/** Keys longer than this (UTF-8 bytes) are stored under a hash: blob names stop at 1,024 characters. */
const maxEncodedKeyBytes = 700;

/** A name ready() reads (and never finds): proves the account, credentials and container answer. */
const probeName = 'probe.ready';

/**
 * The SDK's default (4 tries, 4 s doubling delays) holds a turn about 30 s when the service is
 * down; a turn should fail within a few seconds instead. A try may take 30 s (a 1 MB item on a
 * slow link).
 */
const retryOptions = { maxTries: 3, retryDelayInMs: 250, maxRetryDelayInMs: 2_000, tryTimeoutInMs: 30_000 };

const hint =
  'Check BLOB_CONNECTION_STRING (account, key, endpoint) and BLOB_CONTAINER, and that the storage ' +
  'account is reachable from this host (firewall, private endpoint, DNS).';

/**
 * The Azure Blob store (STORAGE=blob), for state shared by several bot instances: botbuilder's
 * BlobsStorage (one JSON blob per key, eTags from the service) with the AppStorage extras, held
 * to the contract MemoryStorage sets where BlobsStorage differs:
 * - Keys: BlobsStorage folds `a//b` into `a/b`, drops a leading `/` and cuts names at 1,024
 *   characters, so distinct keys could share a blob. Each key is stored under an injective name
 *   instead: `b64.` + base64url of the key, or `sha256.` + its hex digest for keys over 700 bytes.
 * - eTags: BlobsStorage treats an eTag on a key that does not exist as a failed condition;
 *   MemoryStorage ignores it. A conflict on a missing key is retried as an unconditional write.
 *   (Between that check and the retry another writer could create the key and be overwritten: the
 *   same outcome MemoryStorage gives when that writer comes a moment earlier.)
 * - Recovery: BlobsStorage remembers a failed container creation for ever, so after an outage it
 *   would never work again. Any failure other than a conflict replaces it with a fresh client.
 * Conflicts become StorageConflictError (MemoryStorage's message); other failures
 * StorageUnavailableError, whose message names the container and account but never the key.
 */
export class BlobAppStorage implements AppStorage {
  readonly kind = 'blob' as const;
  readonly container: string;
  readonly #connectionString: string;
  readonly #where: string;
  readonly #readyTimeoutMs: number;
  readonly #pending = new Set<Promise<unknown>>();
  #inner: BlobsStorage;

  constructor(options: BlobAppStorageOptions) {
    if (!containerName.test(options.container)) {
      throw new StorageConfigError(
        'container',
        `Blob container name ${JSON.stringify(options.container)} is not valid: use 3-63 lowercase ` +
          'letters, digits and single hyphens, starting and ending with a letter or digit.',
      );
    }
    this.container = options.container;
    this.#connectionString = options.connectionString;
    this.#readyTimeoutMs = options.readyTimeoutMs ?? 5_000;
    this.#where = `container "${options.container}" at ${describeAccount(options.connectionString)}`;
    this.#inner = this.#makeInner();
  }

  /** Reads `keys`; missing keys are left out. */
  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const names = new Map(keys.map((key) => [blobName(key), key]));
    const found = await this.#call('read', () => this.#inner.read([...names.keys()]));
    const items: StoreItems = {};
    for (const [name, item] of Object.entries(found)) {
      const key = names.get(name);
      if (key !== undefined) items[key] = item;
    }
    return items;
  }

  /** Writes `changes` under MemoryStorage's eTag rules; conflicts become StorageConflictError. */
  write(changes: StoreItems): Promise<void> {
    if (!changes) return Promise.reject(new ReferenceError('Changes are required when writing.'));
    const entries = Object.entries(changes);
    return this.#track(Promise.all(entries.map(([key, item]) => this.#writeOne(key, item))).then(() => {}));
  }

  /** Deletes `keys`; missing keys are fine. */
  delete(keys: string[]): Promise<void> {
    if (!keys) return Promise.reject(new ReferenceError('Keys are required when deleting.'));
    const names = keys.map(blobName);
    return this.#track(this.#call('delete', () => this.#inner.delete(names)));
  }

  /**
   * Resolves when the account answers with these credentials and the container exists (it is
   * created when missing); rejects with StorageUnavailableError otherwise, or after readyTimeoutMs.
   */
  async ready(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new StorageUnavailableError('reach', this.#where, {
              cause: new Error(`no answer within ${this.#readyTimeoutMs} ms`),
              hint,
            }),
          ),
        this.#readyTimeoutMs,
      );
    });
    try {
      await Promise.race([this.#call('reach', () => this.#inner.read([probeName])), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Resolves when every write and delete started so far has settled. */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.#pending]);
  }

  async #writeOne(key: string, item: StoreItem | undefined): Promise<void> {
    const name = blobName(key);
    const eTag = item?.eTag;
    const conditional = typeof eTag === 'string' && eTag !== '' && eTag !== '*';
    // BlobsStorage turns a missing or empty eTag into `If-Match: ""`; '*' is its unconditional form.
    const change = conditional ? { ...item } : { ...item, eTag: '*' };
    try {
      await this.#call('write', () => this.#inner.write({ [name]: change }));
    } catch (error) {
      if (!(error instanceof StorageConflictError)) throw error;
      if (conditional && !(await this.#exists(name))) {
        await this.#call('write', () => this.#inner.write({ [name]: { ...item, eTag: '*' } }));
        return;
      }
      throw new StorageConflictError(key, { cause: error.cause });
    }
  }

  async #exists(name: string): Promise<boolean> {
    const found = await this.#call('read', () => this.#inner.read([name]));
    return Object.hasOwn(found, name);
  }

  /** Runs one BlobsStorage call, mapping its errors to Wayfinder's typed storage errors. */
  async #call<T>(action: string, run: () => Promise<T>): Promise<T> {
    const inner = this.#inner;
    try {
      return await run();
    } catch (error) {
      const match = error instanceof Error ? conflictMessage.exec(error.message) : null;
      if (match?.[1] !== undefined) throw new StorageConflictError(match[1], { cause: error });
      // A fresh client, so a failed container creation is tried again on the next call.
      if (this.#inner === inner) this.#inner = this.#makeInner();
      throw new StorageUnavailableError(action, this.#where, { cause: error, hint });
    }
  }

  #track<T>(operation: Promise<T>): Promise<T> {
    this.#pending.add(operation);
    const forget = (): void => {
      this.#pending.delete(operation);
    };
    operation.then(forget, forget);
    return operation;
  }

  #makeInner(): BlobsStorage {
    try {
      return new (blobsModule().BlobsStorage)(this.#connectionString, this.container, {
        storagePipelineOptions: { retryOptions },
      });
    } catch (error) {
      throw new StorageConfigError(
        'connectionString',
        `The Azure Storage connection string cannot be used (${error instanceof Error ? error.name : 'unknown error'}): ` +
          'copy it again from the storage account\'s "Access keys" page into BLOB_CONNECTION_STRING.',
      );
    }
  }
}

/** The blob that holds `key`: injective, URL-safe, within Azure's 1,024-character limit. */
export function blobName(key: string): string {
  const bytes = Buffer.from(key, 'utf8');
  if (bytes.length > maxEncodedKeyBytes) return `sha256.${createHash('sha256').update(bytes).digest('hex')}`;
  return `b64.${bytes.toString('base64url')}`;
}

/** The account a connection string names, for messages: its blob endpoint or account name, never the key. */
function describeAccount(connectionString: string): string {
  const fields = new Map<string, string>();
  for (const part of connectionString.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) fields.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  const endpoint = fields.get('blobendpoint');
  if (endpoint) return endpoint;
  const account = fields.get('accountname');
  if (account) return `storage account "${account}"`;
  if (fields.get('usedevelopmentstorage') === 'true') return 'the local storage emulator';
  return 'the configured storage account';
}

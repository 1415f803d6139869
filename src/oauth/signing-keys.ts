import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JSONWebKeySet, type JWK, type JWTVerifyGetKey } from 'jose';

export const SIGNING_ALG = 'ES256';

const KEY_SUFFIX = '.jwk.json';
const ACTIVE_FILE = 'active';

export interface SigningKey {
  readonly kid: string;
  readonly key: CryptoKey;
}

interface StoredKey extends SigningKey {
  readonly publicJwk: JWK;
}

function publicPart(jwk: JWK, kid: string): JWK {
  // Allow-list copy so that 'd' can never reach the published set.
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, kid, alg: SIGNING_ALG, use: 'sig' };
}

async function thumbprint(jwk: JWK): Promise<string> {
  return calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, 'sha256');
}

async function writeAtomically(path: string, data: string): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, data, { mode: 0o600, flag: 'wx' });
  await rename(tmp, path);
}

async function generateKey(dir: string): Promise<StoredKey> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await thumbprint(jwk);
  // Atomically: a concurrent loader listing the folder must never read a half-written key.
  await writeAtomically(join(dir, kid + KEY_SUFFIX), JSON.stringify({ ...jwk, kid, alg: SIGNING_ALG, use: 'sig' }));
  return { kid, key: privateKey, publicJwk: publicPart(jwk, kid) };
}

async function readKey(dir: string, file: string): Promise<StoredKey> {
  const jwk = JSON.parse(await readFile(join(dir, file), 'utf8')) as JWK;
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.d !== 'string') throw new Error(`signing key ${file} is not a private P-256 key`);
  const kid = await thumbprint(jwk);
  if (file !== kid + KEY_SUFFIX) throw new Error(`signing key ${file} does not match its thumbprint`);
  const key = (await importJWK(jwk, SIGNING_ALG)) as CryptoKey;
  return { kid, key, publicJwk: publicPart(jwk, kid) };
}

async function unlessMissing<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

async function readActive(dir: string): Promise<string | null> {
  return (await unlessMissing(readFile(join(dir, ACTIVE_FILE), 'utf8')))?.trim() ?? null;
}

async function readAll(dir: string): Promise<Map<string, StoredKey>> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(KEY_SUFFIX));
  // A key file can vanish between readdir and read when a concurrent loader lost the creation race.
  const keys = await Promise.all(files.map((f) => unlessMissing(readKey(dir, f))));
  return new Map(keys.filter((k) => k !== null).map((k) => [k.kid, k]));
}

/** ES256 signing keys on disk: one active key signs, every key in the ring still verifies. */
export class KeyRing {
  private resolver: JWTVerifyGetKey;

  private constructor(
    readonly dir: string,
    private readonly keys: Map<string, StoredKey>,
    private active: string,
  ) {
    this.resolver = createLocalJWKSet(this.publicJwks());
  }

  static async load(dir: string): Promise<KeyRing> {
    // Parents keep the default mode (the embedded Postgres user must traverse them); only the key folder is private.
    await mkdir(dirname(dir), { recursive: true });
    await mkdir(dir, { recursive: true, mode: 0o700 });
    if ((await stat(dir)).mode & 0o077) await chmod(dir, 0o700);
    let active = await readActive(dir);
    if (active === null) {
      const fresh = await generateKey(dir);
      // Written aside and linked into place: a concurrent loader reads the winner's whole name, never a half-written file.
      const tmp = join(dir, `${ACTIVE_FILE}.${randomBytes(6).toString('hex')}.tmp`);
      await writeFile(tmp, fresh.kid, { mode: 0o600, flag: 'wx' });
      try {
        await link(tmp, join(dir, ACTIVE_FILE));
      } catch (err) {
        // Another process initialised the ring first: keep its key, drop ours.
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        await rm(join(dir, fresh.kid + KEY_SUFFIX));
      } finally {
        await rm(tmp);
      }
      active = await readActive(dir);
    }
    const keys = await readAll(dir);
    if (!active || !keys.has(active)) throw new Error(`active signing key ${active} is missing from ${dir}`);
    return new KeyRing(dir, keys, active);
  }

  get activeKid(): string {
    return this.active;
  }

  signingKey(): SigningKey {
    const { kid, key } = this.keys.get(this.active)!;
    return { kid, key };
  }

  hasKey(kid: string): boolean {
    return this.keys.has(kid);
  }

  /** For /.well-known/jwks.json: public parts only, active key first. */
  publicJwks(): JSONWebKeySet {
    const ordered = [this.active, ...[...this.keys.keys()].filter((k) => k !== this.active)];
    return { keys: ordered.map((kid) => ({ ...this.keys.get(kid)!.publicJwk })) };
  }

  /** Key resolver for jose's jwtVerify over every key still in the ring. */
  get resolveKey(): JWTVerifyGetKey {
    return this.resolver;
  }

  /** Adds a new active key; the previous one keeps verifying until retired. */
  async rotate(): Promise<string> {
    const fresh = await generateKey(this.dir);
    await writeAtomically(join(this.dir, ACTIVE_FILE), fresh.kid);
    this.keys.set(fresh.kid, fresh);
    this.active = fresh.kid;
    this.resolver = createLocalJWKSet(this.publicJwks());
    return fresh.kid;
  }

  /** Removes a non-active key: tokens it signed stop verifying. */
  async retire(kid: string): Promise<void> {
    if (kid === this.active) throw new Error('cannot retire the active signing key; rotate first');
    if (!this.keys.has(kid)) throw new Error(`no signing key ${kid} in the ring`);
    await rm(join(this.dir, kid + KEY_SUFFIX));
    this.keys.delete(kid);
    this.resolver = createLocalJWKSet(this.publicJwks());
  }
}

export function loadOrCreateKeyRing(dir: string): Promise<KeyRing> {
  return KeyRing.load(dir);
}

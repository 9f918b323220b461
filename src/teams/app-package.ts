import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ZipFile } from 'yazl';
import { projectRoot } from '../paths.js';
import { accentColor } from './icons.js';
import { fillTemplate, manifestErrors } from './manifest.js';
import type { TeamsPackageConfig } from './package-config.js';
import { decodePng } from './png.js';

/**
 * The Teams app package: manifest.json, color.png and outline.png at the root of a zip, which an
 * admin uploads to Teams. Built from appPackage/ and the environment, refused when anything in
 * it would be rejected.
 */

export const appPackageDir = resolve(projectRoot, 'appPackage');
export const defaultPackagePath = resolve(appPackageDir, 'build', 'wayfinder-teams.zip');

/** One file of the package. */
export interface PackageFile {
  name: string;
  data: Buffer;
}

/** What goes into the zip, or every reason it cannot be built. */
export type AppPackageResult =
  | { ok: true; manifest: unknown; files: readonly PackageFile[] }
  | { ok: false; problems: readonly string[] };

/** Size and colour rules for the icons (Teams: colour 192x192, outline 32x32 white on transparent). */
export function iconErrors(color: Buffer, outline: Buffer): string[] {
  const errors: string[] = [];
  const read = (name: string, file: Buffer) => {
    try {
      return decodePng(file);
    } catch (error) {
      errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };
  const colorImage = read('color.png', color);
  if (colorImage && (colorImage.width !== 192 || colorImage.height !== 192)) {
    errors.push(`color.png: must be 192x192 pixels, is ${colorImage.width}x${colorImage.height}`);
  }
  const outlineImage = read('outline.png', outline);
  if (outlineImage && (outlineImage.width !== 32 || outlineImage.height !== 32)) {
    errors.push(`outline.png: must be 32x32 pixels, is ${outlineImage.width}x${outlineImage.height}`);
  }
  if (outlineImage && !onlyWhiteOrTransparent(outlineImage.pixels)) {
    errors.push('outline.png: every pixel must be white or fully transparent');
  }
  return errors;
}

/** True when each RGBA pixel is white (any alpha) or has alpha 0. */
export function onlyWhiteOrTransparent(pixels: Uint8Array): boolean {
  for (let i = 0; i < pixels.length; i += 4) {
    const white = pixels[i] === 255 && pixels[i + 1] === 255 && pixels[i + 2] === 255;
    if (!white && pixels[i + 3] !== 0) return false;
  }
  return true;
}

/** The package's files from the template in `dir`, filled from `config`, and all their checks. */
export async function buildAppPackage(
  config: TeamsPackageConfig,
  version: string,
  dir: string = appPackageDir,
): Promise<AppPackageResult> {
  const template: unknown = JSON.parse(await readFile(resolve(dir, 'manifest.json'), 'utf8'));
  const manifest = fillTemplate(template, {
    VERSION: version,
    TEAMS_APP_ID: config.teamsAppId,
    MicrosoftAppId: config.botId,
    WEBSITE_URL: config.websiteUrl,
    PRIVACY_URL: config.privacyUrl,
    TERMS_URL: config.termsUrl,
    ACCENT_COLOR: accentColor,
  });
  const color = await readFile(resolve(dir, 'color.png'));
  const outline = await readFile(resolve(dir, 'outline.png'));
  const problems = [...(await manifestErrors(manifest)), ...iconErrors(color, outline)];
  if (problems.length > 0) return { ok: false, problems };
  const files = [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: 'color.png', data: color },
    { name: 'outline.png', data: outline },
  ];
  return { ok: true, manifest, files };
}

/** A fixed time for every entry, so the same inputs give the same zip. */
const entryTime = new Date('2025-01-01T00:00:00Z');

/** Writes `files` as a zip at `path`, through a temporary file so a failure leaves no partial zip. */
export async function writeZip(path: string, files: readonly PackageFile[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  const zip = new ZipFile();
  for (const file of files) zip.addBuffer(file.data, file.name, { mtime: entryTime });
  zip.end();
  const out = zip.outputStream.pipe(createWriteStream(partial));
  try {
    await once(out, 'close');
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

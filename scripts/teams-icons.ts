/**
 * `npm run teams:icons`: redraws appPackage/color.png and appPackage/outline.png from
 * src/teams/icons.ts. The PNGs are committed; run this only after changing the drawing.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { appPackageDir } from '../src/teams/app-package.js';
import { drawColorIcon, drawOutlineIcon } from '../src/teams/icons.js';
import { encodePng } from '../src/teams/png.js';

writeFileSync(resolve(appPackageDir, 'color.png'), encodePng(drawColorIcon()));
writeFileSync(resolve(appPackageDir, 'outline.png'), encodePng(drawOutlineIcon()));
process.stdout.write(`wrote color.png and outline.png in ${appPackageDir}\n`);

// Records in package-lock.json the platform-specific optional packages (e.g. jest's
// @unrs/resolver-binding-*) that the registry this project installs from does not serve (404).
// npm leaves them out of the lock file, and `npm ci` then refuses the lock as "out of sync".
// Each missing entry gets its os/cpu from its name, so `npm ci` skips it on other platforms
// without fetching it. Run after an `npm install` that changed the lock file:
//   node scripts/lock-optional-platforms.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const lockFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
const PLATFORM = /-(android|darwin|freebsd|linux|openharmony|win32)-(arm64|arm|x64|ia32|loong64|ppc64|riscv64|s390x)\b/;
const added = [];
for (const entry of Object.values(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    const m = PLATFORM.exec(dep);
    if (lock.packages[key] || !m) continue;
    lock.packages[key] = { version, cpu: [m[2]], ...(entry.dev ? { dev: true } : {}), optional: true, os: [m[1]] };
    added.push(dep);
  }
}
if (added.length) {
  const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => a.localeCompare(b, 'en'))); // npm's own order
  fs.writeFileSync(lockFile, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
}
console.log(added.length ? `added ${added.length} platform entries: ${added.join(', ')}` : 'lock file already complete');

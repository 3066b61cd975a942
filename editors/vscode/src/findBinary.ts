// Locating the `mzlint` binary.
//
// This module must not import `vscode`: it is unit-tested with plain Node
// (see test/findBinary.test.mjs). Everything it needs (the setting, the
// extension's folder, PATH, the platform, the workspace folder) is passed in.
//
// Precedence:
//   1. the `mzlint.path` setting (`~`, `${workspaceFolder}`, `${userHome}` and
//      `${env:NAME}` are expanded; a relative path is taken relative to the
//      workspace folder; a bare name such as `mzlint-dev` is looked up on PATH);
//   2. a binary bundled in the extension at `server/mzlint`
//      (`server/mzlint.exe` on Windows);
//   3. `mzlint` on PATH.
// An explicit setting that does not point at an executable is an error: we do
// not silently fall back to another binary, because that would hide a typo in
// the setting and run a different mzlint than the one the user asked for.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export type BinarySource = "setting" | "bundled" | "path";

export interface Candidate {
  /** Where the candidate comes from. */
  source: BinarySource;
  /** The file that was checked (or, for PATH, the directory list). */
  location: string;
}

export type FindBinaryResult =
  | {
      found: true;
      path: string;
      source: BinarySource;
      /** Every location that was checked, in order, including the winner. */
      tried: Candidate[];
    }
  | {
      found: false;
      /** Every location that was checked, in order. */
      tried: Candidate[];
      /**
       * Set when `mzlint.path` was given but does not name an executable
       * file; in that case nothing else was tried.
       */
      settingError?: string;
    };

export interface FindBinaryExtras {
  /** Home directory used for `~` and `${userHome}` (default: os.homedir()). */
  homeDir?: string;
  /** Environment used for `${env:NAME}` (default: process.env). */
  env?: Record<string, string | undefined>;
  /** Windows PATHEXT (default: `.EXE;.CMD;.BAT;.COM`). */
  pathExt?: string;
  /** Executable check, replaceable in tests (default: isExecutable). */
  isExecutable?: (file: string, platform: NodeJS.Platform) => boolean;
}

function pathFor(platform: NodeJS.Platform): path.PlatformPath {
  return platform === "win32" ? path.win32 : path.posix;
}

/** The executable's file name on the given platform. */
export function binaryName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "mzlint.exe" : "mzlint";
}

/** Where a binary bundled with the extension lives. */
export function bundledBinaryPath(extensionPath: string, platform: NodeJS.Platform): string {
  return pathFor(platform).join(extensionPath, "server", binaryName(platform));
}

/** True when `file` is a regular file that may be executed. */
export function isExecutable(file: string, platform: NodeJS.Platform = process.platform): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) {
      return false;
    }
    if (platform === "win32") {
      // Windows has no execute bit; existence is what counts.
      return true;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Expands `~`, `${userHome}`, `${workspaceFolder}` and `${env:NAME}` in a
 * path-like setting. Returns `undefined` when the value uses
 * `${workspaceFolder}` but no workspace folder is open.
 */
export function expandVariables(
  value: string,
  workspaceFolder: string | undefined,
  homeDir: string = os.homedir(),
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  let v = value.trim();
  if (v === "~") {
    v = homeDir;
  } else if (v.startsWith("~/") || v.startsWith("~\\")) {
    v = homeDir + v.slice(1);
  }
  if (/\$\{workspaceFolder\}/.test(v)) {
    if (workspaceFolder === undefined || workspaceFolder === "") {
      return undefined;
    }
    v = v.replace(/\$\{workspaceFolder\}/g, () => workspaceFolder);
  }
  v = v.replace(/\$\{userHome\}/g, () => homeDir);
  v = v.replace(/\$\{env:([^}]+)\}/g, (_m, name: string) => env[name] ?? "");
  return v;
}

/** Splits a PATH value into its non-empty entries, the way the platform does. */
export function splitPath(envPath: string | undefined, platform: NodeJS.Platform): string[] {
  if (!envPath) {
    return [];
  }
  const sep = platform === "win32" ? ";" : ":";
  return envPath
    .split(sep)
    .map((p) => (platform === "win32" ? p.trim().replace(/^"(.*)"$/, "$1") : p))
    .filter((p) => p !== "");
}

/**
 * Looks `name` up in the PATH directories. On Windows, the PATHEXT
 * extensions are tried too (unless `name` already has one of them).
 */
export function searchPath(
  name: string,
  envPath: string | undefined,
  platform: NodeJS.Platform,
  extras: FindBinaryExtras = {},
): string | undefined {
  const p = pathFor(platform);
  const check = extras.isExecutable ?? isExecutable;
  let names = [name];
  if (platform === "win32") {
    const exts = (extras.pathExt ?? ".EXE;.CMD;.BAT;.COM")
      .split(";")
      .map((e) => e.trim())
      .filter((e) => e !== "");
    const lower = name.toLowerCase();
    if (!exts.some((e) => lower.endsWith(e.toLowerCase()))) {
      names = exts.map((e) => name + e.toLowerCase()).concat([name]);
    }
  }
  for (const dir of splitPath(envPath, platform)) {
    for (const n of names) {
      const candidate = p.join(dir, n);
      if (check(candidate, platform)) {
        return candidate;
      }
    }
  }
  return undefined;
}

/**
 * Finds the mzlint binary.
 *
 * @param setting         the `mzlint.path` setting (empty or undefined: unset)
 * @param extensionPath   the extension's install folder
 * @param envPath         the PATH environment variable
 * @param platform        `process.platform`
 * @param workspaceFolder the first workspace folder, if any
 */
export function findBinary(
  setting: string | undefined,
  extensionPath: string,
  envPath: string | undefined,
  platform: NodeJS.Platform,
  workspaceFolder?: string,
  extras: FindBinaryExtras = {},
): FindBinaryResult {
  const p = pathFor(platform);
  const check = extras.isExecutable ?? isExecutable;
  const tried: Candidate[] = [];

  // 1. The setting.
  if (setting !== undefined && setting.trim() !== "") {
    const expanded = expandVariables(setting, workspaceFolder, extras.homeDir, extras.env);
    if (expanded === undefined) {
      tried.push({ source: "setting", location: setting });
      return {
        found: false,
        tried,
        settingError: `mzlint.path is "${setting}", which uses \${workspaceFolder}, but no workspace folder is open`,
      };
    }
    const hasSeparator = expanded.includes("/") || (platform === "win32" && expanded.includes("\\"));
    if (!hasSeparator && !p.isAbsolute(expanded)) {
      // A bare command name: look it up on PATH.
      tried.push({ source: "setting", location: `${expanded} on PATH` });
      const onPath = searchPath(expanded, envPath, platform, extras);
      if (onPath !== undefined) {
        return { found: true, path: onPath, source: "setting", tried };
      }
      return {
        found: false,
        tried,
        settingError: `mzlint.path is "${setting}", but no executable named "${expanded}" is on PATH`,
      };
    }
    let resolved = expanded;
    if (!p.isAbsolute(resolved) && workspaceFolder) {
      resolved = p.resolve(workspaceFolder, resolved);
    }
    tried.push({ source: "setting", location: resolved });
    if (check(resolved, platform)) {
      return { found: true, path: resolved, source: "setting", tried };
    }
    return {
      found: false,
      tried,
      settingError: `mzlint.path is "${setting}", but ${resolved} is not an executable file`,
    };
  }

  // 2. A binary bundled with the extension.
  const bundled = bundledBinaryPath(extensionPath, platform);
  tried.push({ source: "bundled", location: bundled });
  if (check(bundled, platform)) {
    return { found: true, path: bundled, source: "bundled", tried };
  }

  // 3. PATH.
  const dirs = splitPath(envPath, platform);
  tried.push({
    source: "path",
    location: dirs.length > 0 ? dirs.join(platform === "win32" ? ";" : ":") : "(empty)",
  });
  const onPath = searchPath("mzlint", envPath, platform, extras);
  if (onPath !== undefined) {
    return { found: true, path: onPath, source: "path", tried };
  }
  return { found: false, tried };
}

/** A human-readable, multi-line explanation of a failed search. */
export function describeNotFound(result: FindBinaryResult): string {
  if (result.found) {
    return "";
  }
  const lines: string[] = [];
  if (result.settingError) {
    lines.push(result.settingError + ".");
  } else {
    lines.push("The mzlint binary was not found. Looked in:");
    if (!result.tried.some((c) => c.source === "setting")) {
      lines.push("  - the mzlint.path setting: not set");
    }
    for (const c of result.tried) {
      const what =
        c.source === "setting" ? "the mzlint.path setting" : c.source === "bundled" ? "the bundled binary" : "PATH";
      lines.push(`  - ${what}: ${c.location}`);
    }
  }
  lines.push(
    "Install mzlint with `cargo install --path crates/mzlint` (from a mzlint checkout) so that it is on PATH, " +
      "or set `mzlint.path` to the mzlint binary.",
  );
  return lines.join("\n");
}

// Unit tests for src/findBinary.ts, run with Node's built-in test runner.
// `npm test` first bundles the module to out/findBinary.cjs with esbuild.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const {
  findBinary,
  bundledBinaryPath,
  describeNotFound,
  expandVariables,
  isExecutable,
  searchPath,
  splitPath,
} = require("../out/findBinary.cjs");

const posix = process.platform !== "win32";

/** A temp tree: ext/ (the extension), bin1/ and bin2/ (PATH dirs), ws/ (workspace). */
function makeTree(t) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "mzlint-findbinary-"));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const dirs = {};
  for (const d of ["ext", "bin1", "bin2", "ws", "home"]) {
    dirs[d] = path.join(root, d);
    fs.mkdirSync(dirs[d], { recursive: true });
  }
  return { root, ...dirs };
}

function makeExe(file, mode = 0o755) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, "#!/bin/sh\nexit 0\n");
  fs.chmodSync(file, mode);
  return file;
}

const platform = process.platform;
const exeName = platform === "win32" ? "mzlint.exe" : "mzlint";
const joinPath = (...dirs) => dirs.join(path.delimiter);

test("nothing anywhere: not found, and the message says where it looked and how to install", (t) => {
  const d = makeTree(t);
  const r = findBinary("", d.ext, joinPath(d.bin1, d.bin2), platform, d.ws);
  assert.equal(r.found, false);
  assert.equal(r.settingError, undefined);
  assert.deepEqual(
    r.tried.map((c) => c.source),
    ["bundled", "path"],
  );
  assert.equal(r.tried[0].location, path.join(d.ext, "server", exeName));
  const msg = describeNotFound(r);
  assert.match(msg, /mzlint binary was not found/);
  assert.match(msg, /mzlint\.path setting: not set/);
  assert.match(msg, /server/);
  assert.ok(msg.includes(d.bin1), "lists the PATH entries");
  assert.match(msg, /cargo install --path crates\/mzlint/);
});

test("PATH is used when nothing else is there, first matching entry wins", (t) => {
  const d = makeTree(t);
  const second = makeExe(path.join(d.bin2, exeName));
  let r = findBinary(undefined, d.ext, joinPath(d.bin1, d.bin2), platform, d.ws);
  assert.equal(r.found, true);
  assert.equal(r.source, "path");
  assert.equal(r.path, second);
  const first = makeExe(path.join(d.bin1, exeName));
  r = findBinary(undefined, d.ext, joinPath(d.bin1, d.bin2), platform, d.ws);
  assert.equal(r.path, first);
});

test("bundled binary beats PATH", (t) => {
  const d = makeTree(t);
  makeExe(path.join(d.bin1, exeName));
  const bundled = makeExe(bundledBinaryPath(d.ext, platform));
  const r = findBinary("", d.ext, d.bin1, platform, d.ws);
  assert.equal(r.found, true);
  assert.equal(r.source, "bundled");
  assert.equal(r.path, bundled);
});

test("the setting beats the bundled binary and PATH", (t) => {
  const d = makeTree(t);
  makeExe(path.join(d.bin1, exeName));
  makeExe(bundledBinaryPath(d.ext, platform));
  const custom = makeExe(path.join(d.root, "custom", "my-mzlint"));
  const r = findBinary(custom, d.ext, d.bin1, platform, d.ws);
  assert.equal(r.found, true);
  assert.equal(r.source, "setting");
  assert.equal(r.path, custom);
});

test("a setting that points nowhere is an error, with no silent fallback", (t) => {
  const d = makeTree(t);
  makeExe(path.join(d.bin1, exeName));
  makeExe(bundledBinaryPath(d.ext, platform));
  const missing = path.join(d.root, "nope", "mzlint");
  const r = findBinary(missing, d.ext, d.bin1, platform, d.ws);
  assert.equal(r.found, false);
  assert.match(r.settingError, /not an executable file/);
  assert.deepEqual(r.tried, [{ source: "setting", location: missing }]);
  assert.match(describeNotFound(r), /mzlint\.path/);
});

test("${workspaceFolder}, ~ and relative settings are resolved", (t) => {
  const d = makeTree(t);
  const inWs = makeExe(path.join(d.ws, "target", "release", exeName));
  let r = findBinary("${workspaceFolder}/target/release/" + exeName, d.ext, "", platform, d.ws);
  assert.equal(r.found, true);
  assert.equal(r.path, inWs);

  r = findBinary("./target/release/" + exeName, d.ext, "", platform, d.ws);
  assert.equal(r.found, true);
  assert.equal(r.path, inWs);

  const inHome = makeExe(path.join(d.home, ".cargo", "bin", exeName));
  r = findBinary("~/.cargo/bin/" + exeName, d.ext, "", platform, d.ws, { homeDir: d.home });
  assert.equal(r.found, true);
  assert.equal(r.path, inHome);

  r = findBinary("${workspaceFolder}/target/release/mzlint", d.ext, "", platform, undefined);
  assert.equal(r.found, false);
  assert.match(r.settingError, /no workspace folder is open/);
});

test("a bare name in the setting is looked up on PATH", (t) => {
  const d = makeTree(t);
  const dev = makeExe(path.join(d.bin2, platform === "win32" ? "mzlint-dev.exe" : "mzlint-dev"));
  let r = findBinary("mzlint-dev", d.ext, joinPath(d.bin1, d.bin2), platform, d.ws);
  assert.equal(r.found, true);
  assert.equal(r.source, "setting");
  assert.equal(r.path, dev);
  r = findBinary("mzlint-other", d.ext, joinPath(d.bin1, d.bin2), platform, d.ws);
  assert.equal(r.found, false);
  assert.match(r.settingError, /on PATH/);
});

test("non-executable files and directories are skipped", { skip: !posix && "POSIX permissions only" }, (t) => {
  const d = makeTree(t);
  makeExe(path.join(d.bin1, "mzlint"), 0o644); // not executable
  fs.mkdirSync(path.join(d.bin2, "mzlint")); // a directory
  fs.mkdirSync(path.join(d.ext, "server", "mzlint"), { recursive: true }); // a directory
  assert.equal(isExecutable(path.join(d.bin1, "mzlint"), "linux"), false);
  const r = findBinary("", d.ext, joinPath(d.bin1, d.bin2), "linux", d.ws);
  assert.equal(r.found, false);
  const good = makeExe(path.join(d.root, "bin3", "mzlint"));
  const r2 = findBinary("", d.ext, joinPath(d.bin1, d.bin2, path.dirname(good)), "linux", d.ws);
  assert.equal(r2.found, true);
  assert.equal(r2.path, good);
});

test("Windows: mzlint.exe bundled path, ';' PATH separator and PATHEXT", () => {
  assert.equal(bundledBinaryPath("C:\\ext", "win32"), "C:\\ext\\server\\mzlint.exe");
  assert.deepEqual(splitPath('C:\\a;;"C:\\b c";', "win32"), ["C:\\a", "C:\\b c"]);
  const present = new Set(["C:\\tools\\mzlint.exe", "C:\\ext\\server\\mzlint.exe"]);
  const isExe = (f) => present.has(f);
  assert.equal(searchPath("mzlint", "C:\\none;C:\\tools", "win32", { isExecutable: isExe }), "C:\\tools\\mzlint.exe");
  let r = findBinary("", "C:\\ext", "C:\\tools", "win32", "C:\\ws", { isExecutable: isExe });
  assert.equal(r.source, "bundled");
  assert.equal(r.path, "C:\\ext\\server\\mzlint.exe");
  r = findBinary("", "C:\\other", "C:\\tools", "win32", "C:\\ws", { isExecutable: isExe });
  assert.equal(r.source, "path");
  assert.equal(r.path, "C:\\tools\\mzlint.exe");
});

test("expandVariables", () => {
  assert.equal(expandVariables("~/x", undefined, "/h"), "/h/x");
  assert.equal(expandVariables("~", undefined, "/h"), "/h");
  assert.equal(expandVariables("${userHome}/y", undefined, "/h"), "/h/y");
  assert.equal(expandVariables("${workspaceFolder}/a/${workspaceFolder}", "/w", "/h"), "/w/a//w");
  assert.equal(expandVariables("${env:FOO}/bin", undefined, "/h", { FOO: "/opt" }), "/opt/bin");
  assert.equal(expandVariables("${workspaceFolder}/a", undefined, "/h"), undefined);
  assert.equal(expandVariables("  /abs/mzlint  ", undefined, "/h"), "/abs/mzlint");
});

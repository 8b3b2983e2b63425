// Checks the packaged extension (the .vsix that `vsce package` made; releng/build-vscode builds it first): its
// manifest registers .hao with the grammar, the language configuration and the command "HAO: Run search", and every
// file the manifest names is inside, with the language client the extension loads at run time.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const extension = path.resolve(__dirname, '..');
const source = JSON.parse(fs.readFileSync(path.join(extension, 'package.json'), 'utf8'));
const vsix = process.env.HAO_VSIX || path.join(extension, `${source.name}-${source.version}.vsix`);

function entries() {
  return execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8', maxBuffer: 1 << 24 }).split('\n').filter((l) => l);
}
function read(entry) {
  return execFileSync('unzip', ['-p', vsix, entry], { encoding: 'utf8', maxBuffer: 1 << 24 });
}

test('the .vsix exists (made by releng/build-vscode)', () => {
  assert.ok(fs.existsSync(vsix), `${vsix} is missing: run releng/build-vscode`);
});

test('the packaged manifest registers the language, grammar and command', () => {
  const manifest = JSON.parse(read('extension/package.json'));
  assert.strictEqual(manifest.name, 'hao-studio');
  assert.strictEqual(manifest.version, source.version);
  const language = manifest.contributes.languages.find((l) => l.id === 'hao');
  assert.ok(language && language.extensions.includes('.hao'), JSON.stringify(manifest.contributes.languages));
  const grammar = manifest.contributes.grammars.find((g) => g.language === 'hao');
  assert.strictEqual(grammar.scopeName, 'source.hao');
  const command = manifest.contributes.commands.find((c) => c.command === 'hao.runSearch');
  assert.ok(command, 'hao.runSearch contributed');
  assert.strictEqual(`${command.category}: ${command.title}`, 'HAO: Run search');
  assert.ok(manifest.engines.vscode, 'engines.vscode');
  const files = new Set(entries());
  for (const p of [manifest.main.replace(/^\.\//, ''), grammar.path.replace(/^\.\//, ''),
    language.configuration.replace(/^\.\//, '')]) {
    const name = p.endsWith('.js') || p.includes('.') ? p : `${p}.js`;
    assert.ok(files.has(`extension/${name}`), `extension/${name} not in the .vsix`);
  }
  assert.ok([...files].some((f) => f.startsWith('extension/node_modules/vscode-languageclient/')),
    'the language client is packaged');
  assert.ok(files.has('extension/readme.md') || files.has('extension/README.md'), 'README packaged');
  const vsixManifest = read('extension.vsixmanifest');
  assert.match(vsixManifest, /Id="hao-studio"/);
  assert.match(vsixManifest, /Publisher="hao-studio"/);
});

test('the packaged grammar is the one in the repository and parses', () => {
  const packaged = read('extension/syntaxes/hao.tmLanguage.json');
  assert.strictEqual(packaged, fs.readFileSync(path.join(extension, 'syntaxes', 'hao.tmLanguage.json'), 'utf8'));
  assert.strictEqual(JSON.parse(packaged).scopeName, 'source.hao');
});

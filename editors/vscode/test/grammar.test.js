// Tokenizes every example of the repository with the extension's TextMate grammar (vscode-textmate + the
// Oniguruma regex engine, as VS Code does) and checks keywords, numbers and comments; and that every keyword of the
// Xtext grammar (org.hao.dsl/src/org/hao/dsl/Hao.xtext) is coloured as one, so the two grammars cannot drift apart.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const extension = path.resolve(__dirname, '..');
const repo = path.resolve(extension, '..', '..');
const grammarFile = path.join(extension, 'syntaxes', 'hao.tmLanguage.json');
const xtextFile = path.join(repo, 'org.hao.dsl', 'src', 'org', 'hao', 'dsl', 'Hao.xtext');
const examplesDir = path.join(repo, 'examples');

let grammarPromise;
function grammar() {
  if (!grammarPromise) {
    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
    const onigLib = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).then(() => ({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }));
    const registry = new vsctm.Registry({
      onigLib,
      loadGrammar: async (scope) => scope === 'source.hao'
        ? vsctm.parseRawGrammar(fs.readFileSync(grammarFile, 'utf8'), grammarFile) : null,
    });
    grammarPromise = registry.loadGrammar('source.hao');
  }
  return grammarPromise;
}

/** Tokens of text: {line, text, scopes}. */
function tokenize(g, text) {
  let state = vsctm.INITIAL;
  const tokens = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const r = g.tokenizeLine(line, state);
    for (const t of r.tokens) {
      tokens.push({ line: i + 1, text: line.substring(t.startIndex, t.endIndex), scopes: t.scopes });
    }
    state = r.ruleStack;
  });
  return tokens;
}

/** The word keywords of the Xtext grammar: quoted keywords and enum literals. */
function xtextKeywords() {
  const src = fs.readFileSync(xtextFile, 'utf8').replace(/\/\/.*$/gm, '');
  const words = new Set();
  for (const m of src.matchAll(/'([A-Za-z][A-Za-z0-9]*(?:\/[A-Za-z]+)?)'/g)) { words.add(m[1]); }
  for (const m of src.matchAll(/enum\s+\w+\s*:([^;]*);/g)) {
    for (const lit of m[1].split('|')) { words.add(lit.trim().split(/\s*=\s*/)[0]); }
  }
  return [...words].filter((w) => w);
}

const isComment = (t) => t.scopes.some((s) => s.startsWith('comment'));
const isString = (t) => t.scopes.some((s) => s.startsWith('string'));
const isKeyword = (t) => t.scopes.some((s) => s.startsWith('keyword'));
const isNumber = (t) => t.scopes.some((s) => s.startsWith('constant.numeric'));

test('every keyword of Hao.xtext is coloured as a keyword', async () => {
  const g = await grammar();
  const keywords = xtextKeywords();
  assert.ok(keywords.length > 60, `read ${keywords.length} keywords from ${xtextFile}`);
  const missing = keywords.filter((k) => !tokenize(g, `${k} `).some((t) => t.text === k && isKeyword(t)));
  assert.deepStrictEqual(missing, [], 'keywords of Hao.xtext the TextMate grammar does not colour');
});

const examples = fs.readdirSync(examplesDir).filter((f) => f.endsWith('.hao')).sort();

test('there are examples to tokenize', () => {
  assert.ok(examples.length >= 5, examples.join(', '));
});

for (const name of examples) {
  test(`tokenizes ${name}: keywords, numbers, comments`, async () => {
    const g = await grammar();
    const text = fs.readFileSync(path.join(examplesDir, name), 'utf8');
    const tokens = tokenize(g, text);
    const keywords = new Set(xtextKeywords());
    let keywordCount = 0;
    let numberCount = 0;
    for (const t of tokens) {
      const word = t.text.trim();
      if (!word || isComment(t) || isString(t)) { continue; }
      if (keywords.has(word)) {
        assert.ok(isKeyword(t), `${name}:${t.line}: '${word}' is a keyword but got ${t.scopes.join(' ')}`);
        keywordCount++;
      }
      if (/^-?\d+(\.\d+)?$/.test(word)) {
        assert.ok(isNumber(t), `${name}:${t.line}: '${word}' is a number but got ${t.scopes.join(' ')}`);
        numberCount++;
      }
      assert.ok(!t.scopes.some((s) => s.startsWith('invalid')), `${name}:${t.line}: invalid token '${word}'`);
    }
    // every line that starts with // is a comment to its end
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim().startsWith('//')) {
        const own = tokens.filter((t) => t.line === i + 1 && t.text.trim());
        assert.ok(own.length > 0 && own.every(isComment), `${name}:${i + 1}: comment line not coloured as a comment`);
      }
    });
    assert.ok(keywordCount > 10, `${name}: only ${keywordCount} keywords found`);
    assert.ok(numberCount > 5, `${name}: only ${numberCount} numbers found`);
  });
}

test('block comments span lines and end where they end', async () => {
  const g = await grammar();
  const tokens = tokenize(g, '/* a comment\n network Commented { */ network Real {\n}');
  assert.ok(tokens.filter((t) => t.line === 2 && t.text.includes('Commented')).every(isComment));
  const real = tokens.find((t) => t.text === 'Real');
  assert.ok(real && real.scopes.includes('entity.name.hao'), JSON.stringify(real));
  const kw = tokens.find((t) => t.line === 2 && t.text === 'network' && !isComment(t));
  assert.ok(kw && isKeyword(kw), JSON.stringify(kw));
});

test('negative and decimal numbers, units and names', async () => {
  const g = await grammar();
  const tokens = tokenize(g, 'device D fpga { clock 250.5 MHz bandwidth 4.26 GB/s dsp -1 }');
  const scope = (text) => (tokens.find((t) => t.text === text) || { scopes: [] }).scopes;
  assert.ok(scope('250.5').includes('constant.numeric.hao'));
  assert.ok(scope('-1').includes('constant.numeric.hao'));
  assert.ok(scope('GB/s').includes('keyword.other.unit.hao'));
  assert.ok(scope('D').includes('entity.name.hao'));
});

// Grammar tests: each case tokenizes a snippet of a rule file with the extension's TextMate grammar (through
// vscode-textmate and the Oniguruma engine VS Code uses) and checks the scope of one token.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const textmate = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;
const registry = new textmate.Registry({
  onigLib: oniguruma.loadWASM(wasm).then(() => ({
    createOnigScanner: patterns => new oniguruma.OnigScanner(patterns),
    createOnigString: text => new oniguruma.OnigString(text),
  })),
  loadGrammar: async () =>
    textmate.parseRawGrammar(fs.readFileSync(path.join(__dirname, "..", "syntaxes", "zpol.tmLanguage.json"), "utf8"), "zpol.tmLanguage.json"),
});

/** The innermost scope of the first token whose text is `token` (or starts it), line by line. */
async function scopeOf(source, token, occurrence = 1) {
  const grammar = await registry.loadGrammar("source.zpol");
  let state = textmate.INITIAL;
  let seen = 0;
  for (const line of source.split("\n")) {
    const result = grammar.tokenizeLine(line, state);
    for (const t of result.tokens) {
      const text = line.slice(t.startIndex, t.endIndex);
      if (text === token && ++seen === occurrence) {
        return t.scopes[t.scopes.length - 1];
      }
    }
    state = result.ruleStack;
  }
  throw new Error(`no token \`${token}\` in ${JSON.stringify(source)}`);
}

const rule = [
  'pack annex_a.starter version "1.0.0"',
  'import "common.zpol"',
  "param critical_zone_min_sl = 3",
  'let firewall_types = ["firewall", "data-diode"]',
  "let is_firewall(a) = a.type in firewall_types",
  "// a comment about ZN-001",
  'rule ZN-001 "Control instructions must not enter a control zone unfiltered" {',
  "  severity error",
  '  for flow f where f.control and f.to.zone.kind == "control"',
  "  let p = path(f.from, f.to, avoid d where is_firewall(d))",
  "  require any(d in f.via where has(d.os)) and f.lastPatched >= today - days(90) /* block */",
  '  message "{f} crosses into {f.to.zone} {{literal}} without a firewall \\"now\\""',
  "}",
].join("\n");

const cases = [
  ["pack", "keyword.declaration.zpol"],
  ["import", "keyword.declaration.zpol"],
  ["param", "keyword.declaration.zpol"],
  ["critical_zone_min_sl", "variable.other.constant.zpol"],
  ["is_firewall", "entity.name.function.zpol"],
  ["// a comment about ZN-001", "comment.line.double-slash.zpol"],
  ["rule", "keyword.declaration.rule.zpol"],
  ["ZN-001", "entity.name.rule.zpol"],
  ["severity", "keyword.other.clause.zpol"],
  ["error", "constant.language.severity.zpol"],
  ["for", "keyword.control.zpol"],
  ["flow", "support.type.entity.zpol"],
  ["where", "keyword.control.zpol"],
  ["and", "keyword.operator.word.zpol"],
  ["control", "variable.other.property.zpol"],
  ["==", "keyword.operator.comparison.zpol"],
  ["control", "string.quoted.double.zpol", 2],
  ["path", "keyword.other.query.zpol"],
  ["avoid", "keyword.control.zpol"],
  ["any", "keyword.other.query.zpol"],
  ["has", "support.function.builtin.zpol"],
  ["days", "support.function.builtin.zpol"],
  ["today", "constant.language.zpol"],
  ["90", "constant.numeric.zpol"],
  ["/*", "comment.block.zpol"],
  ["message", "keyword.other.clause.zpol"],
  ["{{", "constant.character.escape.zpol"],
  ['\\"', "constant.character.escape.zpol"],
  ["{", "punctuation.section.interpolation.begin.zpol", 2],
];

for (const [token, scope, occurrence = 1] of cases) {
  test(`\`${token}\` is ${scope}`, async () => {
    assert.equal(await scopeOf(rule, token, occurrence), scope);
  });
}

test("a date literal is one constant token", async () => {
  assert.equal(await scopeOf("param cutoff = @2027-03-31", "@2027-03-31"), "constant.other.date.zpol");
});

test("a hole in a message is an expression: its member is a property", async () => {
  const grammar = await registry.loadGrammar("source.zpol");
  const line = '  message "{f.to.zone} is open"';
  const tokens = grammar.tokenizeLine(line, textmate.INITIAL).tokens;
  const zone = tokens.find(t => line.slice(t.startIndex, t.endIndex) === "zone");
  assert.deepEqual(zone.scopes, ["source.zpol", "string.quoted.double.message.zpol", "meta.interpolation.zpol", "variable.other.property.zpol"]);
});

test("a string inside a hole escapes its quotes and ends with the hole, not the message", async () => {
  const grammar = await registry.loadGrammar("source.zpol");
  const line = '  message "{a} belongs to {a.props[\\"team\\"]} today"';
  const tokens = grammar.tokenizeLine(line, textmate.INITIAL).tokens;
  const team = tokens.find(t => line.slice(t.startIndex, t.endIndex) === '\\"team\\"');
  assert.deepEqual(team.scopes, ["source.zpol", "string.quoted.double.message.zpol", "meta.interpolation.zpol", "string.quoted.double.zpol"]);
  const today = tokens.find(t => line.slice(t.startIndex, t.endIndex).includes("today"));
  assert.deepEqual(today.scopes, ["source.zpol", "string.quoted.double.message.zpol"]);
});

test("every shipped rule file tokenizes without an unterminated string leaking past its line", async () => {
  const grammar = await registry.loadGrammar("source.zpol");
  const rules = path.join(__dirname, "..", "..", "..", "rules");
  const files = fs.readdirSync(rules, { recursive: true }).filter(f => f.endsWith(".zpol"));
  assert.ok(files.length > 0);
  for (const file of files) {
    let state = textmate.INITIAL;
    for (const line of fs.readFileSync(path.join(rules, file), "utf8").split("\n")) {
      state = grammar.tokenizeLine(line, state).ruleStack;
      // Strings end at the end of their line, as in the language: the next line starts outside them.
      assert.ok(!grammar.tokenizeLine("x", state).tokens[0].scopes.some(s => s.startsWith("string.")), `${file}: a string runs past \`${line}\``);
    }
  }
});

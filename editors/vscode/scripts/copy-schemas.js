// Copies the repository's JSON Schemas into the extension (schemas/), where its jsonValidation points.
// Run before packaging; the copies are build outputs and are not committed.
const fs = require("node:fs");
const path = require("node:path");

const source = path.join(__dirname, "..", "..", "..", "schema");
const target = path.join(__dirname, "..", "schemas");
fs.mkdirSync(target, { recursive: true });
for (const name of ["topology.schema.json", "zonepolicy.schema.json"]) {
  fs.copyFileSync(path.join(source, name), path.join(target, name));
}

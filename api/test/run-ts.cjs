// Lets a test start the API's own main.ts as a child process (node -r ./test/run-ts.cjs src/main.ts):
// TypeScript compiled on require by swc with the jest transform's settings (.swcrc), nothing built.
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');

const options = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '.swcrc'), 'utf8'));
delete options.$schema;
require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename, swcrc: false });
  module._compile(code, filename);
};

// Usage: node validate.js FILE.glb -> prints the Khronos glTF-Validator report (JSON) on stdout.
const fs = require('fs');
const validator = require('gltf-validator');
const file = process.argv[2];
const data = new Uint8Array(fs.readFileSync(file));
validator.validateBytes(data, { uri: file, maxIssues: 100 })
  .then((report) => { process.stdout.write(JSON.stringify(report, null, 1)); })
  .catch((error) => { process.stderr.write(String(error) + '\n'); process.exit(3); });

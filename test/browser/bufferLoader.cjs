// webpack loader for the Excel double's page bundle: gives test/excel/fakeExcel.ts the Buffer it uses (Node's, in
// jest) from bufferShim.ts, without a global Buffer that would change how JSZip behaves in the page.
const path = require("node:path");

const shim = path.join(__dirname, "bufferShim.ts");

module.exports = function provideBuffer(source) {
  return `import { Buffer } from ${JSON.stringify(shim)};\n${source}`;
};

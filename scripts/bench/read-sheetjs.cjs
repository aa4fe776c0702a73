// Competitor: SheetJS (npm xlsx 0.18.5, default options) opens each file and visits every cell of every sheet.
// Prints how many cells hold a value or a formula, so the bench can see that the work was done.
const XLSX = require("xlsx");

let cells = 0;
for (const file of process.argv.slice(2)) {
  const workbook = XLSX.readFile(file);
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    for (const key of Object.keys(sheet)) {
      if (key[0] === "!") continue;
      const cell = sheet[key];
      if (cell.v !== undefined || cell.f !== undefined) cells++;
    }
  }
}
process.stdout.write(`${JSON.stringify({ cells })}\n`);

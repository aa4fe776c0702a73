// Competitor: exceljs 4.4 (the project's own writer) loads each file into its model and visits every cell of every
// sheet. Prints how many cells hold a value or a formula.
const ExcelJS = require("exceljs");

(async () => {
  let cells = 0;
  for (const file of process.argv.slice(2)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.eachSheet((sheet) =>
      sheet.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          if (cell.value !== null && cell.value !== undefined) cells++;
        }),
      ),
    );
  }
  process.stdout.write(`${JSON.stringify({ cells })}\n`);
})();

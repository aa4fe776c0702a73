// How the returned-workbook figures are made, as the bench prints it and writes it into docs/benchmarks.md.

export const READING_PREFACE = (files, rounds) =>
  `The same ${files} one-unit workbooks, generated afresh by each bench run with the project's own code
(scripts/bench/returned.mjs: buildWorkbookPlan, then the entries typed into each unit sheet through withEntries and
fillUnitSheet) and filled as an assessor would: a deduction and a finding on about one line in four, 不参与 on about
one line in eleven (half with the written reason, half without, which the core warns about), 加分, 减分 and 一票否优
(with and without its 说明) on some units, and on a few units an entry the core refuses (a deduction over the line's
points, a deduction typed as words), so those are 待更正. Every tool is a whole process, spawned as an office would
run it and timed from spawn to exit (start-up, loading its libraries, reading the files, exit); \`scorecard\` runs as
installed, with the code cache \`npm install\` made of its bundle (docs/decisions/0021-code-cache.md). Every tool runs
without NODE_EXTRA_CA_CERTS: a workplace's proxy may set it (this one does), and Node then reads every certificate it
names when it starts, some 30 ms here, Python nothing; an office's PC normally has no such setting. Where it is set,
\`scorecard total\` is also timed with it (the row that says so). A warm-up round runs
each tool once (file cache, LibreOffice's profile, Python's bytecode), then ${rounds} rounds run every tool once each, in
an order that rotates from round to round, so a machine busy with something else slows all of them alike. Time is the
median (min–max) of the rounds; "× scorecard total" is each round's time over the same round's \`scorecard total\`,
median (min–max) of those ratios. The readers (SheetJS, exceljs, openpyxl) only read: they visit every cell of every
sheet and check and compute nothing; "it reported" is what the tool's last run counted, to show the work was done
(each counts a little differently: SheetJS drops formula cells without a cached value, exceljs counts merged cells,
LibreOffice reads computed values). LibreOffice recomputes every formula of every sheet, as a person opening the
files in Calc would see them. The floor is the least any reader must do: the parts a reader needs inflated with
node:zlib from the zip's directory, then one indexOf pass over the cells (scripts/bench/floor.mjs).`;

export const PER_UNIT_PREFACE = `One workbook per unit, to send out: \`scorecard generate-units --out-dir\` makes all of them in one process
(each the same workbook \`scorecard generate --units <unit>\` makes); beside it, one \`scorecard generate\` process
per unit, run one after another, timed from the first spawn to the last exit. Rounds alternate which goes first.`;

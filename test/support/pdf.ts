/**
 * Printing as a person would: LibreOffice headless prints a workbook to PDF (recalculating on load), poppler reads
 * back each page's text blocks with their boxes (pdftotext -bbox-layout), and pdftoppm renders a page to PNG.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sofficePath } from "./libreoffice";

export const popplerAvailable = (): boolean => existsSync("/usr/bin/pdftotext") && existsSync("/usr/bin/pdftoppm");

/** A block of text on a page (one cell's lines, as LibreOffice draws them), in points from the page's top left. */
export interface TextBlock {
  readonly text: string;
  readonly lines: number;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

export interface PdfPage {
  readonly number: number;
  readonly height: number;
  readonly blocks: readonly TextBlock[];
  /** Every text of the page, whitespace removed. */
  readonly text: string;
}

/** The workbook printed to PDF by LibreOffice; returns the PDF's path. */
export function printToPdf(xlsx: Uint8Array, name: string): string {
  const soffice = sofficePath();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed: npm run test:setup");
  const work = mkdtempSync(join(tmpdir(), "print-"));
  const input = join(work, `${name}.xlsx`);
  writeFileSync(input, xlsx);
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${join(work, "profile")}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      work,
      input,
    ],
    { stdio: "pipe", timeout: 180000 },
  );
  return join(work, `${name}.pdf`);
}

const attr = (tag: string, name: string) => Number(new RegExp(`${name}="([^"]+)"`).exec(tag)![1]);
const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Each page's text blocks, read by pdftotext -bbox-layout. */
export function readPdf(pdf: string): PdfPage[] {
  const html = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 256 << 20 });
  const pages: PdfPage[] = [];
  for (const [number, page] of html
    .split(/<page /)
    .slice(1)
    .entries()) {
    const blocks: TextBlock[] = [];
    for (const m of page.matchAll(/<block ([^>]*)>([\s\S]*?)<\/block>/g)) {
      const lines = [...m[2].matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)].map((l) =>
        [...l[1].matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1])).join(""),
      );
      const tag = m[1];
      blocks.push({
        text: lines.join(""),
        lines: lines.length,
        xMin: attr(tag, "xMin"),
        yMin: attr(tag, "yMin"),
        xMax: attr(tag, "xMax"),
        yMax: attr(tag, "yMax"),
      });
    }
    pages.push({
      number: number + 1,
      height: attr(page, "height"),
      blocks,
      text: blocks
        .map((b) => b.text)
        .join("")
        .replace(/\s+/g, ""),
    });
  }
  return pages;
}

/** The first page of a PDF as a PNG in test-artifacts/print/ (kept for people to look at). */
export function keepFirstPage(pdf: string, name: string): string {
  const dir = join(__dirname, "..", "..", "test-artifacts", "print");
  mkdirSync(dir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), "png-"));
  execFileSync("pdftoppm", ["-r", "60", "-png", "-f", "1", "-l", "1", pdf, join(work, "page")]);
  const png = readdirSync(work).find((f) => f.endsWith(".png"))!;
  const target = join(dir, `${name}.png`);
  copyFileSync(join(work, png), target);
  return target;
}

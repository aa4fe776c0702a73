/**
 * The styles part (xl/styles.xml) of the direct writer: each distinct CellStyle of a plan becomes one cell format
 * (xf), built from the same pieces the exceljs writer (write.ts, applyStyle) sets, so both writers' cells look alike:
 * a font only when the style is bold or sized (宋体), alignment only when it wraps or aligns, a solid fill, a thin
 * grey border on all four sides, unlocked for input. Element order follows ECMA-376 Part 1, 18.8.39 (styleSheet).
 */
import type { CellStyle } from "../layout";
import { escapeXml } from "./ooxmlText";

/** Number formats Excel has built in (ECMA-376 Part 1, 18.8.30): written by id, as Excel and exceljs do. */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = { General: 0, "0": 1, "0.00": 2, "@": 49 };
const FIRST_CUSTOM_FORMAT = 164;
const BORDER_COLOR = "FF999999";
const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

export class StyleTable {
  private readonly fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  private readonly fills = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private readonly borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  private readonly formats = new Map<string, number>();
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly byKey = new Map<string, number>([["", 0]]);
  private readonly byObject = new WeakMap<CellStyle, number>();

  /** The index of the cell format for a style (0, the default, for none). */
  add(style: CellStyle | undefined): number {
    if (!style) return 0;
    // A plan gives most cells of a column one and the same style object: its index is known without a key.
    const seen = this.byObject.get(style);
    if (seen !== undefined) return seen;
    const at = this.indexOf(style);
    this.byObject.set(style, at);
    return at;
  }

  private indexOf(style: CellStyle): number {
    const key = JSON.stringify([
      style.bold,
      style.size,
      style.wrap,
      style.align,
      style.verticalAlign,
      style.numberFormat,
      style.fill,
      style.border,
      style.input,
    ]);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const attrs: string[] = [];
    let inner = "";
    const numFmtId = style.numberFormat === undefined ? 0 : this.format(style.numberFormat);
    const fontId =
      style.bold || style.size
        ? index(this.fonts, `<font>${style.bold ? "<b/>" : ""}<sz val="${style.size ?? 11}"/><name val="宋体"/></font>`)
        : 0;
    const fillId = style.fill
      ? index(
          this.fills,
          `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/></patternFill></fill>`,
        )
      : 0;
    const side = (name: string) => `<${name} style="thin"><color rgb="${BORDER_COLOR}"/></${name}>`;
    const borderId = style.border
      ? index(this.borders, `<border>${["left", "right", "top", "bottom"].map(side).join("")}<diagonal/></border>`)
      : 0;
    if (numFmtId) attrs.push('applyNumberFormat="1"');
    if (fontId) attrs.push('applyFont="1"');
    if (fillId) attrs.push('applyFill="1"');
    if (borderId) attrs.push('applyBorder="1"');
    if (style.wrap || style.align || style.verticalAlign) {
      attrs.push('applyAlignment="1"');
      const a = [
        style.align ? ` horizontal="${style.align}"` : "",
        style.verticalAlign ? ` vertical="${style.verticalAlign === "middle" ? "center" : style.verticalAlign}"` : "",
        style.wrap ? ' wrapText="1"' : "",
      ].join("");
      inner += `<alignment${a}/>`;
    }
    if (style.input) {
      attrs.push('applyProtection="1"');
      inner += '<protection locked="0"/>';
    }
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    const extra = attrs.length ? ` ${attrs.join(" ")}` : "";
    this.xfs.push(inner ? `${head}${extra}>${inner}</xf>` : `${head}${extra}/>`);
    this.byKey.set(key, this.xfs.length - 1);
    return this.xfs.length - 1;
  }

  private format(code: string): number {
    if (code in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[code];
    let id = this.formats.get(code);
    if (id === undefined) this.formats.set(code, (id = FIRST_CUSTOM_FORMAT + this.formats.size));
    return id;
  }

  toXml(): string {
    const list = (name: string, items: readonly string[]) =>
      `<${name} count="${items.length}">${items.join("")}</${name}>`;
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      formats.length ? list("numFmts", formats) : "",
      list("fonts", this.fonts),
      list("fills", this.fills),
      list("borders", this.borders),
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      list("cellXfs", this.xfs),
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      "</styleSheet>",
    ].join("");
  }
}

function index(list: string[], xml: string): number {
  const i = list.indexOf(xml);
  if (i >= 0) return i;
  list.push(xml);
  return list.length - 1;
}

/**
 * A one-page PDF with Chinese text, written by hand for import tests: a Type0 font with Identity-H encoding,
 * each character's code its Unicode code point, and a ToUnicode map so text extraction reads it back. No
 * glyphs are embedded (nobody looks at the page); only the text, its size and position matter.
 */
export interface PdfLine {
  text: string;
  /** Font size in points; headings are set larger than the body, as in the fund's announcements. */
  size: number;
}

export function minimalPdf(lines: PdfLine[]): Buffer {
  const codes = [...new Set(lines.flatMap((line) => [...line.text].map((char) => char.codePointAt(0)!)))].sort((a, b) => a - b);
  let y = 800;
  const content = lines
    .map((line) => {
      y -= line.size * 1.6;
      const hex = [...line.text].map((char) => hex4(char.codePointAt(0)!)).join('');
      return `BT /F1 ${line.size} Tf 60 ${y.toFixed(1)} Td <${hex}> Tj ET`;
    })
    .join('\n');
  const bfchars = chunks(codes, 100)
    .map((group) => `${group.length} beginbfchar\n${group.map((code) => `<${hex4(code)}> <${hex4(code)}>`).join('\n')}\nendbfchar`)
    .join('\n');
  const toUnicode = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    bfchars,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(content),
    '<< /Type /Font /Subtype /Type0 /BaseFont /MingLiU /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /MingLiU /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 >>',
    stream(toUnicode),
    '<< /Type /FontDescriptor /FontName /MingLiU /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

function stream(text: string): string {
  return `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`;
}

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Reads a DOCX back for the tests the way a reader would: the zip opened with jszip and its XML
 * parsed with a real parser (@xmldom/xmldom, mammoth's own), and mammoth's HTML for headings and
 * tables. Never a string search on the zip.
 */
import { DOMParser } from '@xmldom/xmldom';

// xmldom 0.8 types its nodes with the DOM library's global types.
type XmlDocument = Document;
import JSZip from 'jszip';
import mammoth from 'mammoth';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';

export interface ReadDocx {
  readonly document: XmlDocument;
  readonly styles: XmlDocument;
  readonly core: XmlDocument;
  /** mammoth's HTML, parsed. */
  readonly html: XmlDocument;
}

async function xml(zip: JSZip, name: string): Promise<XmlDocument> {
  const file = zip.file(name);
  if (!file) throw new Error(`The DOCX has no ${name}`);
  return new DOMParser().parseFromString(await file.async('string'), 'text/xml');
}

export async function readDocx(bytes: Uint8Array): Promise<ReadDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const html = new DOMParser().parseFromString(`<body>${value}</body>`, 'text/html');
  return { document: await xml(zip, 'word/document.xml'), styles: await xml(zip, 'word/styles.xml'), core: await xml(zip, 'docProps/core.xml'), html };
}

export function elements(parent: XmlDocument | Element, ns: string, localName: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, localName));
}

export function children(parent: Element, localName: string): Element[] {
  return Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === localName);
}

export function text(node: Element): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** mammoth's tables as rows of cell texts (its header row included). */
export function htmlTables(html: XmlDocument): string[][][] {
  return Array.from(html.getElementsByTagName('table')).map((t) =>
    Array.from(t.getElementsByTagName('tr')).map((tr) =>
      Array.from(tr.childNodes).filter((n): n is Element => n.nodeType === 1).map(text)));
}

/** The evidence files the server takes: their media types, the largest size, and the type to send a file as. */

export const EVIDENCE_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};

/** 10 MiB. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** What the file picker offers: the extensions and the media types. */
export const EVIDENCE_ACCEPT = [...Object.keys(EVIDENCE_TYPES).map((ext) => `.${ext}`), ...new Set(Object.values(EVIDENCE_TYPES))].join(',');

/**
 * The media type to send a file as: the browser's when it is one the server takes (browsers often know no
 * type for .odt or .docx), else the one its extension names, else the browser's (the server refuses it).
 */
export function evidenceTypeOf(file: { name: string; type: string }): string {
  const accepted = new Set(Object.values(EVIDENCE_TYPES));
  if (accepted.has(file.type)) return file.type;
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  return (extension && EVIDENCE_TYPES[extension]) || file.type || 'application/octet-stream';
}

// RFC 4180 CSV in UTF-8 with a byte-order mark (so a spreadsheet in any locale reads it as UTF-8): CRLF line ends, a
// field quoted when it holds a comma, a quote or a line break, quotes doubled. A text that a spreadsheet would run as
// a formula (starting with = + - @, a tab or a carriage return) gets a leading ' (OWASP's rule); a plain decimal
// number such as -1000.00 is a number, not a formula, and stays as it is.

const NUMBER = /^-?\d+(\.\d+)?$/;

export function csvField(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header, rows) {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

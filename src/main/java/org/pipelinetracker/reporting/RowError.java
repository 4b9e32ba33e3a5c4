package org.pipelinetracker.reporting;

import org.pipelinetracker.kernel.Text;

/**
 * One thing wrong with an uploaded workbook: the spreadsheet row (1-based, as Excel shows it; null for the file as a
 * whole), the column's stable id (null for a whole row or file), and why.
 */
record RowError(Integer row, String column, Text reason) {
}

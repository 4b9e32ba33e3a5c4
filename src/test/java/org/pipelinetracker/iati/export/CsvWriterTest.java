package org.pipelinetracker.iati.export;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

	private static byte[] csv(Object[]... rows) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CsvWriter csv = new CsvWriter(out)) {
			for (Object[] row : rows) {
				csv.row(row);
			}
		}
		return out.toByteArray();
	}

	@Test
	void startsWithTheUtf8ByteOrderMarkAndEndsEachRecordWithCrLf() throws Exception {
		byte[] bytes = csv(new Object[] {"a", "b"}, new Object[] {"Ташкент", "서울"});
		assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\uFEFFa,b\r\nТашкент,서울\r\n");
	}

	@Test
	void quotesFieldsWithCommasQuotesAndLineBreaks() throws Exception {
		String text = new String(csv(new Object[] {"a,b", "say \"hi\"", "two\nlines", "cr\rhere", null, "plain"}),
				StandardCharsets.UTF_8);
		assertThat(text).isEqualTo("\uFEFF\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,plain\r\n");
	}

	@Test
	void neutralisesTextThatASpreadsheetWouldRunAsAFormula() throws Exception {
		String text = new String(csv(new Object[] {"=HYPERLINK(\"http://evil.example\",\"x\")", "+1", "-2+3",
				"@SUM(A1:A2)", "\tcmd", "\rcmd", "a=b", "1-2"}), StandardCharsets.UTF_8);
		assertThat(text).isEqualTo("\uFEFF\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'+1,'-2+3,'@SUM(A1:A2),"
				+ "'\tcmd,\"'\rcmd\",a=b,1-2\r\n");
	}

	@Test
	void numbersAndDatesStayNumbersAndDatesEvenWhenNegative() throws Exception {
		String text = new String(csv(new Object[] {new BigDecimal("-12355140000.00"), new BigDecimal("1E+3"), 7,
				LocalDate.of(2025, 10, 5)}), StandardCharsets.UTF_8);
		assertThat(text).isEqualTo("\uFEFF-12355140000.00,1000,7,2025-10-05\r\n");
	}
}

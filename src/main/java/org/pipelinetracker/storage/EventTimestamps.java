package org.pipelinetracker.storage;

import org.axonframework.common.DateTimeUtils;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The recording instant of a stored event, read from its text ({@code time_stamp}). Axon writes it in one form,
 * {@code 2026-12-07T09:27:24.594Z} (UTC, 'T' and 'Z' in capitals, milliseconds), and reads it back with a general
 * ISO-8601 formatter, which a profile of a rebuild put at 5% of its thread for parsing each event's instant twice.
 * This reads that form, and any other number of fraction digits (0 to 9), digit by digit; any other text (an offset,
 * small letters, a date that does not exist) goes to Axon's parser, which accepts or refuses it as before. Public
 * for the benchmark's raw read, which parses the instant as the event store does.
 */
public final class EventTimestamps {

	private static final int DATE_TIME = 19; // yyyy-MM-ddTHH:mm:ss

	private EventTimestamps() {
	}

	/** The instant {@code text} stands for, as {@link DateTimeUtils#parseInstant} reads it. */
	public static Instant parse(CharSequence text) {
		Instant instant = parseUtc(text);
		return instant != null ? instant : DateTimeUtils.parseInstant(text);
	}

	/** {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} with a valid date and time, else null. */
	static Instant parseUtc(CharSequence text) {
		int length = text.length();
		if (length < DATE_TIME + 1 || length > DATE_TIME + 11 || text.charAt(length - 1) != 'Z'
				|| text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
				|| text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
				|| second < 0 || second > 59 || day > lengthOfMonth(year, month)) {
			return null;
		}
		int nanos = 0;
		if (length > DATE_TIME + 1) {
			int fraction = length - DATE_TIME - 2;
			if (text.charAt(DATE_TIME) != '.' || fraction < 1) {
				return null;
			}
			nanos = digits(text, DATE_TIME + 1, fraction);
			if (nanos < 0) {
				return null;
			}
			for (int i = fraction; i < 9; i++) {
				nanos *= 10;
			}
		}
		long days = LocalDate.of(year, month, day).toEpochDay();
		return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
	}

	/** The number written by {@code count} ASCII digits from {@code start}, or -1. */
	private static int digits(CharSequence text, int start, int count) {
		int value = 0;
		for (int i = start; i < start + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static int lengthOfMonth(int year, int month) {
		return switch (month) {
			case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
			case 4, 6, 9, 11 -> 30;
			default -> 31;
		};
	}
}

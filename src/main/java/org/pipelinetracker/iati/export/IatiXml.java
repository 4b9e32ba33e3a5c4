package org.pipelinetracker.iati.export;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;

import org.pipelinetracker.iati.conventions.Narratives;

/**
 * The StAX writer of the IATI export with the few forms it writes everything in: elements indented two spaces per
 * level (an end tag on its own line when the element has children), narratives with their {@code xml:lang}, texts
 * that read back exactly, attributes left out when blank.
 */
final class IatiXml implements AutoCloseable {

	private final XMLStreamWriter xml;
	/** One entry per open element: whether it has child elements (so its end tag goes on its own line). */
	private final Deque<boolean[]> open = new ArrayDeque<>();

	IatiXml(OutputStream out) throws XMLStreamException {
		this.xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
		xml.writeStartDocument("UTF-8", "1.0");
	}

	void writeNamespace(String prefix, String uri) throws XMLStreamException {
		xml.writeNamespace(prefix, uri);
	}

	void writeAttribute(String name, String value) throws XMLStreamException {
		xml.writeAttribute(name, value);
	}

	void writeAttribute(String prefix, String namespace, String name, String value) throws XMLStreamException {
		xml.writeAttribute(prefix, namespace, name, value);
	}

	void writeCharacters(String text) throws XMLStreamException {
		xml.writeCharacters(text);
	}

	void narrative(String text) throws XMLStreamException {
		narrative(text, Narratives.LANGUAGE);
	}

	void narrative(String text, String language) throws XMLStreamException {
		start("narrative");
		xml.writeAttribute(XMLConstants.XML_NS_PREFIX, XMLConstants.XML_NS_URI, "lang", language);
		characters(text);
		end();
	}

	void text(String element, String text) throws XMLStreamException {
		start(element);
		characters(text);
		end();
	}

	/**
	 * A text as character data that reads back as it was: the writer escapes {@code <}, {@code &} and {@code >};
	 * a carriage return is written as {@code &#13;}, since an XML parser turns a raw one (and CRLF) into a line feed.
	 */
	void characters(String text) throws XMLStreamException {
		int from = 0;
		for (int cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', from)) {
			xml.writeCharacters(text.substring(from, cr));
			xml.writeEntityRef("#13");
			from = cr + 1;
		}
		xml.writeCharacters(text.substring(from));
	}

	/** An attribute, left out when the value is null or blank. */
	void attribute(String name, String value) throws XMLStreamException {
		if (value != null && !value.isBlank()) {
			xml.writeAttribute(name, value);
		}
	}

	void empty(String element, String attribute, String value) throws XMLStreamException {
		start(element);
		xml.writeAttribute(attribute, value);
		end();
	}

	void start(String element) throws XMLStreamException {
		if (!open.isEmpty()) {
			open.peek()[0] = true;
		}
		xml.writeCharacters("\n" + "  ".repeat(open.size()));
		xml.writeStartElement(element);
		open.push(new boolean[] {false});
	}

	void end() throws XMLStreamException {
		boolean hasChildren = open.pop()[0];
		if (hasChildren) {
			xml.writeCharacters("\n" + "  ".repeat(open.size()));
		}
		xml.writeEndElement();
	}

	/** Ends the document's root element and the document, and flushes. */
	void finish() throws XMLStreamException {
		end();
		xml.writeCharacters("\n");
		xml.writeEndDocument();
		xml.flush();
	}

	@Override
	public void close() throws XMLStreamException {
		xml.close();
	}
}

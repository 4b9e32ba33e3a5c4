package org.pipelinetracker.i18n;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.facility.api.FacilityEvent;
import org.pipelinetracker.period.api.PeriodEvent;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.EximbankInstrument;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.api.PartnerRole;
import org.pipelinetracker.project.api.ProjectEvent;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.query.DataQuality;
import org.pipelinetracker.project.api.StallKind;
import org.pipelinetracker.reference.Codelists;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message catalogue (src/main/resources/i18n/messages*.properties) is complete and in use: every key in every
 * language with the plural forms the language needs, no empty text, the same placeholders everywhere, Uzbek in its
 * official orthography, no English left in a translation, every key used by the pages or the server, and the
 * reference data (ref.*) exactly the values of the enums and codelists the pages look up.
 */
class MessageCatalogueTest {

	private static final Pattern KEY = Pattern.compile("(ui|ref|problem)\\.[A-Za-z0-9_.\\-/]+");
	/** A Bean Validation message naming a key of the catalogue: {@code "{problem.field.id}"}. */
	private static final Pattern CONSTRAINT_MESSAGE = Pattern.compile("\\{((ui|ref|problem)\\.[A-Za-z0-9_.\\-/]+)}");
	private static final Pattern HTML_KEYS = Pattern.compile("data-i18n(?:-attrs)?=\"([^\"]+)\"");

	private final Bundles bundles = new Bundles();

	// --- complete -----------------------------------------------------------------------------------------------

	@Test
	void everyLanguageHasEveryKeyWithThePluralFormsItNeeds() {
		Set<String> english = bundles.baseKeys("en");
		for (String language : Bundles.LANGUAGES) {
			assertThat(bundles.baseKeys(language)).as("keys of " + language).containsExactlyInAnyOrderElementsOf(english);
			for (String base : english) {
				if (!bundles.forms("en", base).isEmpty()) {
					assertThat(bundles.forms(language, base)).as("plural forms of " + base + " in " + language)
							.containsExactlyInAnyOrderElementsOf(Bundles.PLURAL_FORMS.get(language));
				}
			}
			assertThat(bundles.duplicates(language)).as("keys written twice in " + language).isEmpty();
		}
	}

	@Test
	void noTextIsEmpty() {
		for (String language : Bundles.LANGUAGES) {
			assertThat(bundles.texts(language).entrySet().stream().filter(e -> e.getValue().isBlank() && !e.getValue().equals("\u00a0"))
					.map(Map.Entry::getKey).toList()).as("empty texts in " + language).isEmpty();
		}
	}

	@Test
	void everyLanguageHasTheSamePlaceholders() {
		List<String> wrong = new ArrayList<>();
		for (String base : bundles.baseKeys("en")) {
			Set<String> english = placeholders("en", base);
			for (String language : Bundles.LANGUAGES) {
				if (!placeholders(language, base).equals(english)) {
					wrong.add(language + " " + base + ": " + placeholders(language, base) + " instead of " + english);
				}
				// a plural form may leave out {count} (English "A field needs attention"), never add a name
				for (String text : bundles.textsOf(language, base)) {
					if (!english.containsAll(Bundles.placeholders(text))) {
						wrong.add(language + " " + base + ": unknown placeholder in '" + text + "'");
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	/** The placeholders of a key's text, or of all its plural forms together. */
	private Set<String> placeholders(String language, String base) {
		return bundles.textsOf(language, base).stream().flatMap(text -> Bundles.placeholders(text).stream())
				.collect(Collectors.toCollection(TreeSet::new));
	}

	// --- well written -------------------------------------------------------------------------------------------

	@Test
	void uzbekIsWrittenInTheOfficialLatinOrthography() {
		List<String> wrong = new ArrayList<>();
		bundles.texts("uz").forEach((key, text) -> {
			// oʻ and gʻ take U+02BB, the tutuq belgisi U+02BC: never ' ‘ ’ ` (nor Cyrillic)
			if (text.matches("(?s).*[\\u0027\\u2018\\u2019\\u0060].*")) {
				wrong.add(key + ": apostrophe instead of ʻ/ʼ in '" + text + "'");
			}
			if (text.matches("(?s).*[^oOgG]\\u02bb.*") || text.matches("(?s).*[gG]\\u02bc.*")) {
				wrong.add(key + ": ʻ belongs after o and g only, ʼ never after g: '" + text + "'");
			}
			if (text.matches("(?s).*\\p{IsCyrillic}.*")) {
				wrong.add(key + ": Cyrillic letters in Latin-script Uzbek: '" + text + "'");
			}
		});
		assertThat(wrong).isEmpty();
	}

	/**
	 * A translation that is the English text (a word of three letters or more) is a forgotten one, but for the words
	 * Uzbek writes as English does; Korean and Russian texts hold no Latin-script words but codes and acronyms.
	 */
	@Test
	void noEnglishIsLeftInATranslation() {
		Map<String, Set<String>> sameAsEnglish = Map.of("uz", Set.of("ui.nav.audit", "ui.audit.title", "ref.role.AUDITOR",
				"ref.role.ADMIN", "ui.cmd.field.limit", "ui.sheet.col.limit", "ref.documentCategory.A10"));
		Set<String> latinAllowed = Set.of("http", "https", "s", "hh", "mm", "ss");
		// the names of HTTP itself, which the server's messages name as they are: headers, schemes, cookies
		Set<String> protocolNames = Set.of("Accept", "Authorization", "Basic", "Bearer", "cookie", "Expect");
		List<String> wrong = new ArrayList<>();
		Map<String, String> english = bundles.texts("en");
		for (String language : List.of("uz", "ru", "ko")) {
			bundles.texts(language).forEach((key, text) -> {
				String withoutPlaceholders = text.replaceAll("\\{\\w+}", "");
				if (text.equals(english.get(key)) && withoutPlaceholders.matches("(?s).*[a-z]{3,}.*")
						&& !sameAsEnglish.getOrDefault(language, Set.of()).contains(key)) {
					wrong.add(language + " " + key + ": untranslated '" + text + "'");
				}
				if (!language.equals("uz")) {
					Matcher word = Pattern.compile("[A-Za-z][A-Za-z']*").matcher(withoutCode(withoutPlaceholders));
					while (word.find()) {
						if (!word.group().matches("[A-Z]{2,}") && !latinAllowed.contains(word.group())
								&& !protocolNames.contains(word.group())) {
							wrong.add(language + " " + key + ": Latin word '" + word.group() + "' in '" + text + "'");
						}
					}
				}
			});
		}
		assertThat(wrong).isEmpty();
	}

	/**
	 * A text without the API's own identifiers, which a message names as they are in every language: field and
	 * property names ({@code plannedEnd}, {@code tracker.security.users}, {@code _csrf}), paths ({@code /login}),
	 * header names ({@code If-Match}, {@code ETag}) and instants ({@code 2026-01-15T10:00:00Z}): a word with an inner
	 * capital, joined to others by {@code . / _ - @}, or to digits.
	 */
	static String withoutCode(String text) {
		return Pattern.compile("\\S*(?:[A-Za-z][./_@-]|[./_@-][A-Za-z]|[a-z][A-Z]|[A-Z]{2}[a-z]|[0-9][A-Za-z]|[A-Za-z][0-9])\\S*")
				.matcher(text).replaceAll(" ");
	}

	@Test
	void theIdentifiersOfTheApiAreNotTakenForEnglishWords() {
		assertThat(withoutCode("plannedEnd раньше validFrom; заголовок If-Match, ETag \"3\", /login, tracker.security.users, "
				+ "_csrf, 2026-01-15T10:00:00Z"))
				.doesNotContainPattern("[A-Za-z]");
		assertThat(withoutCode("проект Project отменен")).contains("Project");
	}

	// --- in use -------------------------------------------------------------------------------------------------

	/**
	 * The reference data the pages look up by a key built from a value ({@code `ref.stage.${stage}`}): for each such
	 * prefix, the values that must have a text, from the enums and codelists themselves. Some lists are kept for
	 * pages still to come (budgets, documents: issue 16's later parts) and are not looked up yet.
	 */
	private record Prefix(Supplier<Set<String>> values, boolean lookedUpByThePages) {
	}

	private Map<String, Prefix> referenceData() {
		Map<String, Prefix> prefixes = new LinkedHashMap<>();
		// FINALISATION (issue 20) and APPROVER (issue 22) are translated ahead of their code
		prefixes.put("ref.stage.", new Prefix(() -> union(names(Stage.values()), Set.of("FINALISATION")), true));
		prefixes.put("ref.activityStatus.", new Prefix(() -> codelist("iati/codelists/ActivityStatus.xml").keySet(), true));
		prefixes.put("ref.transactionType.", new Prefix(() -> codelist("iati/codelists/TransactionType.xml").keySet(), true));
		prefixes.put("ref.fundingSource.", new Prefix(() -> names(FundingSource.values()), true));
		prefixes.put("ref.instrument.", new Prefix(() -> names(EximbankInstrument.values()), true));
		prefixes.put("ref.role.", new Prefix(() -> union(names(roles()), Set.of("APPROVER")), true));
		prefixes.put("ref.agreementType.", new Prefix(() -> names(AgreementType.values()), true));
		prefixes.put("ref.partnerRole.", new Prefix(() -> names(PartnerRole.values()), true));
		prefixes.put("ref.dataQuality.", new Prefix(() -> names(DataQuality.Flag.values()), true));
		prefixes.put("ref.stallKind.", new Prefix(() -> names(StallKind.values()), true));
		prefixes.put("ref.eventType.", new Prefix(MessageCatalogueTest::eventTypes, true));
		prefixes.put("ref.region.", new Prefix(() -> new Codelists().uzbekRegions().stream()
				.map(MessageCatalogueTest::regionKey).collect(Collectors.toSet()), true));
		prefixes.put("ref.sectorCategory.", new Prefix(() -> testCodelist("SectorCategory.xml").keySet(), true));
		prefixes.put("ref.timeZone.", new Prefix(() -> Set.of("Asia/Tashkent", "Asia/Seoul", "UTC"), true));
		prefixes.put("ref.budgetType.", new Prefix(() -> testCodelist("BudgetType.xml").keySet(), true)); // the plans sheets name them
		prefixes.put("ref.budgetStatus.", new Prefix(() -> testCodelist("BudgetStatus.xml").keySet(), true)); // the plans sheets name them
		prefixes.put("ref.documentCategory.", new Prefix(() -> testCodelist("DocumentCategory.xml").keySet(), true));
		return prefixes;
	}

	@Test
	void referenceDataHasATextForEveryValueAndNoOther() {
		Set<String> keys = bundles.baseKeys("en");
		referenceData().forEach((prefix, data) -> {
			Set<String> written = keys.stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()))
					.collect(Collectors.toCollection(TreeSet::new));
			assertThat(written).as(prefix + "*").containsExactlyInAnyOrderElementsOf(data.values().get());
		});
	}

	/** The English of the IATI codelists is the codelists' own; of the regions, the API's canonical names. */
	@Test
	void theEnglishOfReferenceDataIsTheCodelistsOwn() {
		Map<String, String> english = bundles.texts("en");
		Map<String, Map<String, String>> codelists = Map.of(
				"ref.activityStatus.", codelist("iati/codelists/ActivityStatus.xml"),
				"ref.transactionType.", codelist("iati/codelists/TransactionType.xml"),
				"ref.sectorCategory.", testCodelist("SectorCategory.xml"),
				"ref.budgetType.", testCodelist("BudgetType.xml"),
				"ref.budgetStatus.", testCodelist("BudgetStatus.xml"),
				"ref.documentCategory.", testCodelist("DocumentCategory.xml"));
		codelists.forEach((prefix, names) -> names.forEach((code, name) ->
				assertThat(english.get(prefix + code)).as(prefix + code).isEqualTo(name)));
		Map<String, String> roles = codelist("iati/codelists/OrganisationRole.xml");
		for (PartnerRole role : PartnerRole.values()) {
			assertThat(english.get("ref.partnerRole." + role)).isEqualTo(roles.get(role.iatiCode()));
		}
		for (String region : new Codelists().uzbekRegions()) {
			assertThat(english.get("ref.region." + regionKey(region))).isEqualTo(region);
		}
		// every active 5-digit sector falls in a category the pages can name
		for (String sector : new Codelists().sectors().keySet()) {
			assertThat(english).as("category of sector " + sector).containsKey("ref.sectorCategory." + sector.substring(0, 3));
		}
	}

	/**
	 * Every key is used: named in the pages (a string literal in static/**.js, data-i18n in index.html) or the
	 * server (a literal in src/main/java), or reference data under a prefix the pages build keys with. Every key the
	 * code names exists, and every prefix the code builds keys with is reference data declared above.
	 */
	@Test
	void everyKeyIsUsedAndEveryKeyTheCodeNamesExists() {
		Set<String> named = new TreeSet<>();
		Set<String> builtPrefixes = new TreeSet<>();
		List<SourceLiterals.Literal> literals = Stream.concat(SourceLiterals.files(SourceLiterals.STATIC, ".js").stream(),
				SourceLiterals.files(SourceLiterals.JAVA, ".java").stream()).flatMap(f -> SourceLiterals.of(f).stream()).toList();
		for (SourceLiterals.Literal literal : literals) {
			Matcher constraint = CONSTRAINT_MESSAGE.matcher(literal.text());
			if (literal.template() && KEY.matcher(literal.head()).matches() && literal.head().endsWith(".")) {
				builtPrefixes.add(literal.head());
			}
			else if (!literal.template() && KEY.matcher(literal.text()).matches() && literal.text().endsWith(".")) {
				// a prefix the server builds keys with, such as Text.Code.of("ref.stage.", stage)
				builtPrefixes.add(literal.text());
			}
			else if (!literal.template() && KEY.matcher(literal.text()).matches()) {
				named.add(literal.text());
			}
			else if (!literal.template() && constraint.matches()) {
				named.add(constraint.group(1));
			}
		}
		for (Path html : SourceLiterals.files(SourceLiterals.STATIC, ".html")) {
			Matcher m = HTML_KEYS.matcher(SourceLiterals.read(html));
			while (m.find()) {
				for (String part : m.group(1).split(";")) {
					named.add(part.contains(":") ? part.substring(part.indexOf(':') + 1).strip() : part.strip());
				}
			}
		}
		Set<String> keys = bundles.baseKeys("en");
		assertThat(named.stream().filter(k -> !keys.contains(k)).toList()).as("keys the code names but the catalogue lacks")
				.isEmpty();
		Map<String, Prefix> reference = referenceData();
		assertThat(builtPrefixes).as("prefixes the code builds keys with: declare their values in referenceData()")
				.isSubsetOf(reference.keySet());
		reference.forEach((prefix, data) -> assertThat(builtPrefixes.contains(prefix)).as("looked up by the pages: " + prefix)
				.isEqualTo(data.lookedUpByThePages()));
		List<String> unused = keys.stream().filter(k -> !named.contains(k))
				.filter(k -> reference.keySet().stream().noneMatch(k::startsWith)).toList();
		assertThat(unused).as("keys nothing uses").isEmpty();
	}

	// --- values -------------------------------------------------------------------------------------------------

	static String regionKey(String region) {
		return region.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
	}

	private static Set<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new TreeSet<>(a);
		all.addAll(b);
		return all;
	}

	/** The security module's roles (its enum is internal to it). */
	private static Enum<?>[] roles() {
		try {
			return (Enum<?>[]) Class.forName("org.pipelinetracker.security.Role").getEnumConstants();
		}
		catch (ClassNotFoundException e) {
			throw new AssertionError(e);
		}
	}

	/** The simple names of every project and facility event: the history shows each. */
	private static Set<String> eventTypes() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(ProjectEvent.class));
		scanner.addIncludeFilter(new AssignableTypeFilter(FacilityEvent.class));
		scanner.addIncludeFilter(new AssignableTypeFilter(PeriodEvent.class));
		Set<String> names = new TreeSet<>();
		for (String pkg : List.of(ProjectEvent.class.getPackageName(), FacilityEvent.class.getPackageName(),
				PeriodEvent.class.getPackageName())) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(pkg)) {
				String name = candidate.getBeanClassName();
				names.add(name.substring(name.lastIndexOf('.') + 1));
			}
		}
		assertThat(names).isNotEmpty();
		return names;
	}

	/** A codelist of the application (classpath iati/codelists). */
	static Map<String, String> codelist(String resource) {
		return activeItems(resource);
	}

	/** A copy of an IATI 2.03 codelist the application does not load itself, next to this test. */
	static Map<String, String> testCodelist(String file) {
		return activeItems("org/pipelinetracker/i18n/codelists/" + file);
	}

	/** code → English name of the active items of an IATI codelist file. */
	private static Map<String, String> activeItems(String resource) {
		try (InputStream in = MessageCatalogueTest.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
			factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
			XMLStreamReader xml = factory.createXMLStreamReader(in);
			Map<String, String> items = new TreeMap<>();
			String code = null;
			String name = null;
			boolean active = false;
			boolean inName = false;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					switch (xml.getLocalName()) {
						case "codelist-item" -> {
							active = xml.getAttributeValue(null, "status") == null
									|| "active".equals(xml.getAttributeValue(null, "status"));
							code = null;
							name = null;
						}
						case "code" -> code = xml.getElementText().strip();
						case "name" -> inName = true;
						case "narrative" -> {
							String lang = xml.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
							String text = xml.getElementText().strip();
							if (inName && name == null && (lang == null || lang.equals("en"))) {
								name = text;
							}
						}
						default -> {
						}
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					if (xml.getLocalName().equals("name")) {
						inName = false;
					}
					else if (xml.getLocalName().equals("codelist-item") && active && code != null) {
						items.put(code, name);
					}
				}
			}
			return items;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (XMLStreamException e) {
			throw new AssertionError(resource, e);
		}
	}
}

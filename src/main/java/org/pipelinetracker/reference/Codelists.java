package org.pipelinetracker.reference;

import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Violations;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.springframework.stereotype.Component;

/**
 * IATI 2.03 reference codelists, loaded once from {@code classpath:iati/codelists/*.xml}, plus the
 * canonical list of Uzbek regions.
 *
 * <p>Only <em>active</em> codelist items are kept (an item without a {@code status} attribute is
 * active); withdrawn codes are rejected by every check and have no name. Names are the default
 * (English) narrative of each item.
 */
@Component
public final class Codelists {

    private static final String CODELIST_DIR = "iati/codelists/";
    private static final Pattern DAC_PURPOSE_CODE = Pattern.compile("\\d{5}");
    private static final int DEFAULT_FRACTION_DIGITS = 2;

    /** Canonical Uzbek region names, each with extra accepted spellings (the canonical name itself is always accepted). */
    private static final Map<String, List<String>> REGION_SPELLINGS = regionSpellings();

    /** Words that may be appended to a region name without changing its meaning (Latin and Cyrillic script). */
    private static final Set<String> OPTIONAL_REGION_WORDS = Set.of("region", "province", "oblast", "viloyati", "viloyat",
            "область", "обл", "вилояти", "вилоят");

    private final Map<String, String> sectors;
    private final Map<String, String> countries;
    private final Map<String, String> currencies;
    private final Map<String, String> activityStatuses;
    private final Map<String, String> organisationRoles;
    private final Map<String, String> financeTypes;
    private final Map<String, String> flowTypes;
    private final Map<String, String> transactionTypes;
    private final List<String> regions;
    private final Map<String, String> regionsByKey;

    public Codelists() {
        this.sectors = load("Sector.xml").entrySet().stream()
                .filter(e -> DAC_PURPOSE_CODE.matcher(e.getKey()).matches())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        this.countries = load("Country.xml");
        this.currencies = load("Currency.xml");
        this.activityStatuses = load("ActivityStatus.xml");
        this.organisationRoles = load("OrganisationRole.xml");
        this.financeTypes = load("FinanceType.xml");
        this.flowTypes = load("FlowType.xml");
        this.transactionTypes = load("TransactionType.xml");
        this.regions = List.copyOf(REGION_SPELLINGS.keySet());
        this.regionsByKey = indexRegions();
    }

    /** True only for an active 5-digit DAC purpose code, e.g. {@code "21030"}. */
    public boolean isSector(String code) {
        return lookup(sectors, code).isPresent();
    }

    /** Every active 5-digit DAC purpose code and its name, by code. */
    public java.util.SortedMap<String, String> sectors() {
        return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(sectors));
    }

    public Optional<String> sectorName(String code) {
        return lookup(sectors, code);
    }

    /** True for an active ISO 3166-1 alpha-2 code in upper case, e.g. {@code "UZ"}; {@code "uz"} is rejected. */
    public boolean isCountry(String alpha2) {
        return lookup(countries, alpha2).isPresent();
    }

    public Optional<String> countryName(String alpha2) {
        return lookup(countries, alpha2);
    }

    /** True for an active ISO 4217 code in upper case, e.g. {@code "USD"}. */
    public boolean isCurrency(String code) {
        return lookup(currencies, code).isPresent();
    }

    /** Minor-unit digits of the currency as known to the JDK (e.g. 0 for KRW), or 2 when the JDK has none. */
    public int currencyFractionDigits(String code) {
        Objects.requireNonNull(code, "code");
        try {
            int digits = Currency.getInstance(code).getDefaultFractionDigits();
            return digits >= 0 ? digits : DEFAULT_FRACTION_DIGITS;
        } catch (IllegalArgumentException unknownToJdk) {
            return DEFAULT_FRACTION_DIGITS;
        }
    }

    /**
     * Canonical Uzbek region for a free-text input: case-insensitive, trimmed, diacritics, hyphens
     * and apostrophes ignored, the word "Region" optional, and common transliterations accepted
     * ("jizzakh" → "Jizzakh Region", "Navoi" → "Navoiy Region", "Tashkent" → "Tashkent Region").
     */
    public Optional<String> uzbekRegion(String input) {
        if (input == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(regionsByKey.get(regionKey(input)));
    }

    /** The 16 canonical region names, in display order. */
    public List<String> uzbekRegions() {
        return regions;
    }

    public Optional<String> activityStatusName(String code) {
        return lookup(activityStatuses, code);
    }

    public Optional<String> financeTypeName(String code) {
        return lookup(financeTypes, code);
    }

    public Optional<String> flowTypeName(String code) {
        return lookup(flowTypes, code);
    }

    public Optional<String> organisationRoleName(String code) {
        return lookup(organisationRoles, code);
    }

    public Optional<String> transactionTypeName(String code) {
        return lookup(transactionTypes, code);
    }

    private static Optional<String> lookup(Map<String, String> codelist, String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(codelist.get(code));
    }

    // --- XML loading -------------------------------------------------------------------------

    /** Reads one codelist file and returns its active items as an immutable code → name map. */
    private static Map<String, String> load(String file) {
        String resource = CODELIST_DIR + file;
        try (InputStream in = Codelists.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Codelist not found on classpath: " + resource);
            }
            XMLStreamReader reader = secureInputFactory().createXMLStreamReader(in);
            try {
                return Map.copyOf(readActiveItems(reader));
            } finally {
                reader.close();
            }
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException("Cannot read codelist " + resource, e);
        }
    }

    private static XMLInputFactory secureInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    /**
     * Walks {@code codelist-items/codelist-item} elements, taking {@code code} and the first
     * {@code name/narrative} without a non-English {@code xml:lang}.
     */
    private static Map<String, String> readActiveItems(XMLStreamReader reader) throws XMLStreamException {
        Map<String, String> items = new HashMap<>();
        boolean inItem = false;
        boolean inName = false;
        boolean active = false;
        String code = null;
        String name = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String element = reader.getLocalName();
                if (element.equals("codelist-item")) {
                    inItem = true;
                    String status = reader.getAttributeValue(null, "status");
                    active = status == null || status.equals("active");
                    code = null;
                    name = null;
                } else if (inItem && element.equals("code")) {
                    code = reader.getElementText().trim();
                } else if (inItem && element.equals("name")) {
                    inName = true;
                } else if (inName && element.equals("narrative")) {
                    String lang = reader.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
                    String text = reader.getElementText().trim();
                    if (name == null && (lang == null || lang.equals("en"))) {
                        name = text;
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String element = reader.getLocalName();
                if (element.equals("name")) {
                    inName = false;
                } else if (element.equals("codelist-item")) {
                    if (active && code != null && !code.isEmpty()) {
                        items.put(code, name == null ? code : name);
                    }
                    inItem = false;
                }
            }
        }
        return items;
    }

    // --- Uzbek regions -----------------------------------------------------------------------

    /**
     * The 16 regions and how people write them: Uzbek in Latin script (the official one) and in Cyrillic, Russian,
     * Korean in Hangul, and common English transliterations. The region names of the message catalogue
     * ({@code ref.region.*} in every language) are among them, so whatever a page shows can be typed back.
     */
    private static Map<String, List<String>> regionSpellings() {
        Map<String, List<String>> spellings = new LinkedHashMap<>();
        spellings.put("Republic of Karakalpakstan", List.of("Karakalpakstan", "Karakalpakstan Republic",
                "Qoraqalpog'iston", "Qoraqalpogʻiston Respublikasi", "Каракалпакстан", "Республика Каракалпакстан",
                "Қорақалпоғистон", "Қорақалпоғистон Республикаси", "카라칼파크스탄", "카라칼파크스탄 공화국"));
        spellings.put("Andijan Region", List.of("Andijon", "Andizhan", "Andijon viloyati", "Андижан",
                "Андижанская область", "Андижон", "안디잔", "안디잔주"));
        spellings.put("Bukhara Region", List.of("Buxoro", "Bukhoro", "Buxoro viloyati", "Бухара", "Бухарская область",
                "Бухоро", "부하라", "부하라주"));
        spellings.put("Fergana Region", List.of("Ferghana", "Farg'ona", "Fargʻona viloyati", "Фергана",
                "Ферганская область", "Фарғона", "페르가나", "페르가나주"));
        spellings.put("Jizzakh Region", List.of("Jizzax", "Jizakh", "Djizak", "Jizzax viloyati", "Джизак",
                "Джизакская область", "Жиззах", "지자흐", "지자흐주"));
        spellings.put("Kashkadarya Region", List.of("Qashqadaryo", "Kashkadaryo", "Qashqadaryo viloyati", "Кашкадарья",
                "Кашкадарьинская область", "Қашқадарё", "카슈카다리야", "카슈카다리야주"));
        spellings.put("Khorezm Region", List.of("Xorazm", "Khorazm", "Xorazm viloyati", "Хорезм", "Хорезмская область",
                "Хоразм", "호라즘", "호라즘주"));
        spellings.put("Namangan Region", List.of("Namangan viloyati", "Наманган", "Наманганская область", "나망간",
                "나망간주"));
        spellings.put("Navoiy Region", List.of("Navoi", "Navoiy viloyati", "Навои", "Навоийская область", "Навоий",
                "나보이", "나보이주"));
        spellings.put("Samarkand Region", List.of("Samarqand", "Samarqand viloyati", "Самарканд",
                "Самаркандская область", "Самарқанд", "사마르칸트", "사마르칸트주"));
        spellings.put("Surkhandarya Region", List.of("Surxondaryo", "Surkhondaryo", "Surxondaryo viloyati",
                "Сурхандарья", "Сурхандарьинская область", "Сурхондарё", "수르한다리야", "수르한다리야주"));
        spellings.put("Syrdarya Region", List.of("Sirdaryo", "Sirdaryo viloyati", "Сырдарья", "Сырдарьинская область",
                "Сирдарё", "시르다리야", "시르다리야주"));
        spellings.put("Tashkent Region", List.of("Toshkent", "Toshkent viloyati", "Ташкент", "Ташкентская область",
                "Тошкент", "타슈켄트", "타슈켄트주"));
        spellings.put("Tashkent City", List.of("Toshkent City", "Toshkent shahri", "City of Tashkent", "город Ташкент",
                "г. Ташкент", "Тошкент шаҳри", "타슈켄트시"));
        spellings.put("Nationwide", List.of("National", "Respublika boʻyicha", "По всей республике",
                "Республика бўйича", "전국"));
        spellings.put("Multiple regions", List.of("Multiple", "Bir nechta hudud", "Несколько регионов",
                "Бир нечта ҳудуд", "복수 지역", "여러 지역"));
        return spellings;
    }

    /** Every spelling of a canonical region (the canonical name first), or none for an unknown name. */
    public List<String> regionSpellings(String canonical) {
        List<String> alternatives = REGION_SPELLINGS.get(canonical);
        if (alternatives == null) {
            return List.of();
        }
        List<String> all = new java.util.ArrayList<>(alternatives.size() + 1);
        all.add(canonical);
        all.addAll(alternatives);
        return List.copyOf(all);
    }

    private static Map<String, String> indexRegions() {
        Map<String, String> byKey = new HashMap<>();
        REGION_SPELLINGS.forEach((canonical, alternatives) -> {
            addRegionKey(byKey, canonical, canonical);
            alternatives.forEach(spelling -> addRegionKey(byKey, spelling, canonical));
        });
        return Map.copyOf(byKey);
    }

    private static void addRegionKey(Map<String, String> byKey, String spelling, String canonical) {
        String previous = byKey.putIfAbsent(regionKey(spelling), canonical);
        if (previous != null && !previous.equals(canonical)) {
            throw new IllegalStateException("Ambiguous region spelling '" + spelling + "': " + previous + " / " + canonical);
        }
    }

    /**
     * Matching key: {@link SearchText#normalise} (lower case, diacritics and apostrophes dropped, in any script), split
     * into letter-only words, optional words such as "region" or "область" dropped, the rest concatenated
     * ("Syr-Darya region" → "syrdarya", "Farg‘ona" → "fargona", "Андижанская область" → "андижанская").
     */
    static String regionKey(String input) {
        return Arrays.stream(SearchText.normalise(input).split("[^\\p{L}]+"))
                .filter(word -> !word.isEmpty() && !OPTIONAL_REGION_WORDS.contains(word))
                .collect(Collectors.joining());
    }

	/** An amount at its currency's scale, with the currency code upper-cased. */
	public record ExactAmount(BigDecimal amount, String currency) {
	}

	/**
	 * Checks that {@code currency} is an active ISO 4217 code (any case, trimmed) and that {@code amount} has no more
	 * decimals than it allows, reporting problems as {@code field.currency} / {@code field.amount}. Returns the
	 * amount at the currency's scale, or null when it is absent or not valid.
	 */
	public ExactAmount exactAmount(Violations violations, String field, BigDecimal amount, String currency) {
		if (amount == null || currency == null || currency.isBlank()) {
			return null;
		}
		String code = currency.trim().toUpperCase(Locale.ROOT);
		if (!violations.check(isCurrency(code), field + ".currency",
				Text.of("problem.field.currencyUnknown").with("currency", currency))) {
			return null;
		}
		int digits = currencyFractionDigits(code);
		if (!violations.check(amount.stripTrailingZeros().scale() <= digits, field + ".amount",
				Text.of("problem.field.tooManyDecimals").with("currency", code).with("digits", digits))) {
			return null;
		}
		return violations.has(field + ".amount") ? null
				: new ExactAmount(amount.setScale(digits, RoundingMode.UNNECESSARY), code);
	}

	/** An optional sector filter: the trimmed code, or null when absent; a violation when it is not an active code. */
	public String sectorFilter(Violations violations, String field, String sector) {
		if (sector == null || sector.isBlank()) {
			return null;
		}
		String code = sector.trim();
		violations.check(isSector(code), field, Text.of("problem.field.sectorFilterUnknown").with("sector", sector));
		return code;
	}

	/** An optional region: its canonical name, or null when absent or unknown (then with a violation). */
	public String regionOf(Violations violations, String field, String region) {
		if (region == null || region.isBlank()) {
			return null;
		}
		String canonical = uzbekRegion(region).orElse(null);
		violations.check(canonical != null, field, Text.of("problem.field.regionUnknown").with("region", region)
				.with("regions", String.valueOf(uzbekRegions())));
		return canonical;
	}
}

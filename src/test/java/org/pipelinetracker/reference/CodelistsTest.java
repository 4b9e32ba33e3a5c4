package org.pipelinetracker.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

class CodelistsTest {

    private static Codelists codelists;

    @BeforeAll
    static void loadCodelists() {
        codelists = new Codelists();
    }

    @Test
    void acceptsActiveDacPurposeCodesWithTheirNames() {
        assertThat(codelists.isSector("21030")).isTrue();
        assertThat(codelists.sectorName("21030")).contains("Rail transport");
        assertThat(codelists.isSector("14050")).isTrue();
        assertThat(codelists.sectorName("14050")).contains("Waste management/disposal");
        assertThat(codelists.isSector("12191")).isTrue();
        assertThat(codelists.sectorName("12191")).contains("Medical services");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999", "2103", "210300", "", " 21030", "111"})
    void rejectsUnknownOrMalformedSectorCodes(String code) {
        assertThat(codelists.isSector(code)).isFalse();
        assertThat(codelists.sectorName(code)).isEmpty();
    }

    @Test
    void rejectsWithdrawnSectorCodes() {
        // status="withdrawn" in Sector.xml: 15120 (2020-02-28), 11321 (2019-12-31)
        assertThat(codelists.isSector("15120")).isFalse();
        assertThat(codelists.isSector("11321")).isFalse();
        assertThat(codelists.sectorName("15120")).isEmpty();
    }

    @Test
    void rejectsNullInputsWithoutThrowing() {
        assertThat(codelists.isSector(null)).isFalse();
        assertThat(codelists.isCountry(null)).isFalse();
        assertThat(codelists.isCurrency(null)).isFalse();
        assertThat(codelists.uzbekRegion(null)).isEmpty();
    }

    @Test
    void acceptsUpperCaseIsoCountryCodes() {
        assertThat(codelists.isCountry("UZ")).isTrue();
        assertThat(codelists.countryName("UZ")).contains("Uzbekistan");
        assertThat(codelists.isCountry("KR")).isTrue();
        assertThat(codelists.countryName("KR")).contains("Korea (the Republic of)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "uz", "UZB", "AN"})
    void rejectsUnknownLowerCaseOrWithdrawnCountryCodes(String code) {
        assertThat(codelists.isCountry(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"USD", "UZS", "EUR", "KRW"})
    void acceptsActiveIsoCurrencyCodes(String code) {
        assertThat(codelists.isCurrency(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "usd", "EEK", "VEF"})
    void rejectsUnknownLowerCaseOrWithdrawnCurrencyCodes(String code) {
        assertThat(codelists.isCurrency(code)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"KRW,0", "USD,2", "UZS,2", "EUR,2", "KWD,3", "XAU,2", "ABC,2"})
    void currencyFractionDigitsComeFromTheJdkWithTwoAsFallback(String code, int digits) {
        assertThat(codelists.currencyFractionDigits(code)).isEqualTo(digits);
    }

    @ParameterizedTest
    @CsvSource({
            "tashkent city, Tashkent City",
            "Tashkent City, Tashkent City",
            "Tashkent, Tashkent Region",
            "  tashkent region , Tashkent Region",
            "Jizzakh, Jizzakh Region",
            "jizzakh region, Jizzakh Region",
            "Karakalpakstan, Republic of Karakalpakstan",
            "Navoi, Navoiy Region",
            "NAVOIY, Navoiy Region",
            "Syr-Darya, Syrdarya Region",
            "Farg'ona, Fergana Region",
            "Samarqand viloyati, Samarkand Region",
            "nationwide, Nationwide",
            "multiple regions, Multiple regions",
            "Андижан, Andijan Region",
            "андижанская область, Andijan Region",
            "Андижон вилояти, Andijan Region",
            "안디잔, Andijan Region",
            "안디잔주, Andijan Region",
            "Fargʻona viloyati, Fergana Region",
            "Farg‘ona, Fergana Region",
            "Ташкент, Tashkent Region",
            "타슈켄트주, Tashkent Region",
            "город Ташкент, Tashkent City",
            "타슈켄트시, Tashkent City",
            "Тошкент шаҳри, Tashkent City",
            "Қорақалпоғистон, Republic of Karakalpakstan",
            "Навоийская обл., Navoiy Region",
            "전국, Nationwide"
    })
    void matchesUzbekRegionSpellingsToCanonicalNames(String input, String canonical) {
        assertThat(codelists.uzbekRegion(input)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "Region", "Seoul", "Almaty Region"})
    void rejectsInputsThatAreNotUzbekRegions(String input) {
        assertThat(codelists.uzbekRegion(input)).isEmpty();
    }

    /** What the pages show as a region's name, in every language, is one of its spellings, so it can be typed back. */
    @ParameterizedTest
    @ValueSource(strings = {"", "_uz", "_ru", "_ko"})
    void everyRegionNameOfTheCatalogueIsASpellingOfItsRegion(String bundle) throws java.io.IOException {
        java.util.Properties names = new java.util.Properties();
        try (java.io.Reader in = new java.io.InputStreamReader(
                CodelistsTest.class.getResourceAsStream("/i18n/messages" + bundle + ".properties"),
                java.nio.charset.StandardCharsets.UTF_8)) {
            names.load(in);
        }
        for (String region : codelists.uzbekRegions()) {
            String key = "ref.region." + region.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            String name = names.getProperty(key);
            assertThat(name).as(key + bundle).isNotNull();
            assertThat(codelists.regionSpellings(region)).as(key + bundle).contains(name);
            assertThat(codelists.uzbekRegion(name)).as(name).contains(region);
        }
    }

    @Test
    void everyRegionIsSpelledInLatinCyrillicAndHangul() {
        for (String region : codelists.uzbekRegions()) {
            List<String> spellings = codelists.regionSpellings(region);
            assertThat(spellings.get(0)).isEqualTo(region);
            assertThat(spellings).as(region).anyMatch(s -> s.matches(".*\\p{IsCyrillic}.*"))
                    .anyMatch(s -> s.matches(".*\\p{IsHangul}.*"));
            spellings.forEach(spelling -> assertThat(codelists.uzbekRegion(spelling)).as(spelling).contains(region));
        }
        assertThat(codelists.regionSpellings("Seoul")).isEmpty();
    }

    @Test
    void searchTextIgnoresCaseAccentsAndApostrophesInEveryScript() {
        assertThat(SearchText.normalise("  Fargʻona — VILOYATI ")).isEqualTo("fargona viloyati");
        for (String spelling : List.of("Farg'ona", "Farg‘ona", "Farg’ona", "Fargʼona", "Farg`ona", "FARGONA")) {
            assertThat(SearchText.normalise(spelling)).as(spelling).isEqualTo("fargona");
        }
        assertThat(SearchText.normalise("Éclairage public, Khiva")).isEqualTo("eclairage public khiva");
        assertThat(SearchText.normalise("Ёлка Ўзбекистон")).isEqualTo("елка узбекистон");
        assertThat(SearchText.normalise("타슈켄트 지하철")).isEqualTo("타슈켄트 지하철");
        assertThat(SearchText.normalise("KR-UZ-2024_001")).isEqualTo("kr uz 2024 001");
        assertThat(SearchText.words("  Andijon  viloyati ")).containsExactly("andijon", "viloyati");
        assertThat(SearchText.words(" ' - ")).isEmpty();
        assertThat(SearchText.normalise(null)).isEmpty();
    }

    @Test
    void everyCanonicalRegionMatchesItself() {
        assertThat(codelists.uzbekRegions()).hasSize(16).doesNotHaveDuplicates();
        codelists.uzbekRegions().forEach(region -> assertThat(codelists.uzbekRegion(region)).contains(region));
    }

    @Test
    void looksUpActivityFinanceFlowRoleAndTransactionNames() {
        assertThat(codelists.activityStatusName("1")).contains("Pipeline/identification");
        assertThat(codelists.activityStatusName("2")).contains("Implementation");
        assertThat(codelists.financeTypeName("110")).contains("Standard grant");
        assertThat(codelists.flowTypeName("10")).contains("ODA");
        assertThat(codelists.organisationRoleName("4")).contains("Implementing");
        assertThat(codelists.transactionTypeName("3")).contains("Disbursement");
        assertThat(codelists.activityStatusName("7")).isEmpty();
    }

    @Test
    void withdrawnFlowTypesHaveNoName() {
        // FlowType 20 "OOF" is status="withdrawn" since 2015-12-31
        assertThat(codelists.flowTypeName("20")).isEmpty();
    }
}

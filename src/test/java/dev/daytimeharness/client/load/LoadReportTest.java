package dev.daytimeharness.client.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    @Test
    void namesTheErrorKindsInEnglishUnderATurkishLocale() {
        Locale original = Locale.getDefault();
        try {
            // Turkish lower-cases I to dotless ı: TIMEOUT would become "tımeout".
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(LoadReport.errorsLine(LoadReport.noErrors()))
                    .isEqualTo("refused 0, reset 0, timeout 0, empty 0, other 0");
        } finally {
            Locale.setDefault(original);
        }
    }
}

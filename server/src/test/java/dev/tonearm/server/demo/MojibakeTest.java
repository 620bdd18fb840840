package dev.tonearm.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fixtures are real values from the freemusi.cc database unless noted. */
class MojibakeTest {

  @Test
  void repairs_utf8_read_as_latin1() {
    assertThat(Mojibake.repair("SeÃ±or Acero")).isEqualTo("Señor Acero");
    assertThat(Mojibake.repair("Los DesposeÃ\u00addos")).isEqualTo("Los Desposeídos");
    assertThat(Mojibake.repair("Adriano OrrÃ¹")).isEqualTo("Adriano Orrù");
    assertThat(Mojibake.repair("Jenifer Ã\u0081vila")).isEqualTo("Jenifer Ávila");
    assertThat(Mojibake.repair("Samo Å\u00a0alamon Trio")).isEqualTo("Samo Šalamon Trio");
    assertThat(Mojibake.repair("mi corazoÌ\u0081n")).isEqualTo("mi corazo\u0301n");
    assertThat(Mojibake.repair("Â© 2009")).isEqualTo("© 2009"); // constructed
    assertThat(Mojibake.analyze("SeÃ±or Acero").kind()).isEqualTo(Mojibake.Kind.LATIN1);
  }

  @Test
  void repairs_utf8_read_as_windows_1252() {
    assertThat(Mojibake.repair("Iâ€™m Learning Who You Are")).isEqualTo("I’m Learning Who You Are");
    assertThat(Mojibake.repair("Wenn Ich WÃ¼ÃŸte Wo Ich WÃ¤r, WÃ¤r Ich Nicht Mehr Hier"))
        .isEqualTo("Wenn Ich Wüßte Wo Ich Wär, Wär Ich Nicht Mehr Hier");
    assertThat(Mojibake.repair("Ut Ã… Pess Og Inn Ã… Dains")).isEqualTo("Ut Å Pess Og Inn Å Dains");
    assertThat(Mojibake.repair("Raggadigma feat. Step, ÐšÑƒÑ€Ð°Ð¶-Ð‘Ð°Ð¼Ð±ÐµÐ¹"))
        .isEqualTo("Raggadigma feat. Step, Кураж-Бамбей");
    assertThat(Mojibake.analyze("CRÃ“!")).isEqualTo(new Mojibake.Repair("CRÓ!", Mojibake.Kind.CP1252, 1));
  }

  @Test
  void repairs_text_mangled_twice() {
    assertThat(Mojibake.analyze("SÃƒÂ\u00addhe")).isEqualTo(new Mojibake.Repair("Sídhe", Mojibake.Kind.CP1252, 2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Recórcholis", "Motörhead", "Sigur Rós", "Beyoncé", "東京事変", "Ærøskøbing", "I’m",
      "SÃO PAULO", "CORAÇÃO", "MÃE", "ÃÂ", "Ã", "Â", "O Último Romântico (Ao Vivo)", "Ut Å Pess", "plain",
      "", " ", "€", "Ã\uFFFD", "\uD800Ã©", "\u0000"})
  void leaves_clean_text_untouched(String clean) {
    assertThat(Mojibake.analyze(clean)).isEqualTo(new Mojibake.Repair(clean, Mojibake.Kind.NONE, 0));
  }

  @Test
  void keeps_text_whose_repair_would_yield_control_characters() {
    assertThat(Mojibake.repair("Â\u0085")).isEqualTo("Â\u0085");
    assertThat(Mojibake.repair(null)).isNull();
  }

  /** Only text whose UTF-8 avoids the bytes cp1252 leaves undefined: the JDK decodes those to U+FFFD. */
  @ParameterizedTest
  @ValueSource(strings = {"Beyoncé", "Motörhead", "Sigur Rós", "Ærøskøbing", "Wüßte", "I’m", "Señor", "Ñandú",
      "Čaj"})
  void undoes_what_latin1_and_windows_1252_decoders_do(String clean) {
    String latin1 = mangle(clean, StandardCharsets.ISO_8859_1);
    String cp1252 = mangle(clean, Charset.forName("windows-1252"));
    assertThat(Mojibake.repair(latin1)).isEqualTo(clean);
    assertThat(Mojibake.repair(cp1252)).isEqualTo(clean);
    assertThat(Mojibake.repair(mangle(cp1252, StandardCharsets.ISO_8859_1))).isEqualTo(clean);
    assertThat(Mojibake.repair(mangle(latin1, Charset.forName("windows-1252")))).isEqualTo(clean);
  }

  private static String mangle(String s, Charset wrong) {
    return new String(s.getBytes(StandardCharsets.UTF_8), wrong);
  }
}

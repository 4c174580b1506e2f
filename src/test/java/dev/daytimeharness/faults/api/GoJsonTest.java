package dev.daytimeharness.faults.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** Go's encoding/json, as Toxiproxy's clients see it: its error words and its bytes. */
class GoJsonTest {

    @Test
    void refusesWhatGoRefusesInGosWords() {
        assertThatThrownBy(() -> GoJson.decode("")).hasMessage("EOF");
        assertThatThrownBy(() -> GoJson.decode("{\"name\":")).hasMessage("unexpected EOF");
        assertThatThrownBy(() -> GoJson.decode("not json")).hasMessage("invalid character 'o' in literal null (expecting 'u')");
        assertThatThrownBy(() -> GoJson.decode("{\"toxicity\":NaN}")).hasMessage("invalid character 'N' looking for beginning of value");
        assertThatThrownBy(() -> GoJson.decode("{'a':1}")).hasMessage("invalid character '\\'' looking for beginning of object key string");
        assertThatThrownBy(() -> GoJson.decode("[1 2]")).hasMessage("invalid character '2' after array element");
        assertThatThrownBy(() -> GoJson.decode("{\"a\" 1}")).hasMessage("invalid character '1' after object key");
        assertThatThrownBy(() -> GoJson.decode("-x")).hasMessage("invalid character 'x' in numeric literal");
    }

    @Test
    void readsOnlyTheFirstValueAsGosDecoderDoes() {
        assertThat(GoJson.decode(" {\"a\":1} trailing").getAsJsonObject().get("a").getAsInt()).isEqualTo(1);
    }

    @Test
    void writesFloatsWithoutAPointZeroAndEscapesHtml() {
        JsonObject o = new JsonObject();
        o.addProperty("toxicity", 1f);
        o.addProperty("half", -0.5f);
        o.addProperty("name", "<a&b>");
        assertThat(GoJson.encode(o)).isEqualTo("{\"toxicity\":1,\"half\":-0.5,\"name\":\"\\u003ca\\u0026b\\u003e\"}");
    }
}

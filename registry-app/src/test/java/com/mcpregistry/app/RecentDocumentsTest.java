package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.serverjson.ServerDocument;
import com.mcpregistry.http.serverjson.ServerJsonText;
import com.mcpregistry.registration.ServerJsonFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentDocumentsTest {

    private static final String LEDGER = """
            {"name":"com.contoso/ledger","description":"Books ledger entries","version":"1.0.0",\
            "remotes":[{"type":"streamable-http","url":"https://ledger.contoso.com/mcp"}]}""";

    /** {@link ServerJsonText}, counting its readings. */
    private static final class CountingFormat implements ServerJsonFormat {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public String write(ServerDocument document) {
            return ServerJsonText.INSTANCE.write(document);
        }

        @Override
        public ServerDocument read(String json) {
            reads.incrementAndGet();
            return ServerJsonText.INSTANCE.read(json);
        }
    }

    @Test
    void the_same_text_is_read_once_and_gives_the_same_document() {
        CountingFormat format = new CountingFormat();
        RecentDocuments documents = new RecentDocuments(format);

        ServerDocument first = documents.read(LEDGER);
        ServerDocument again = documents.read(new String(LEDGER.toCharArray()));

        assertThat(again).isSameAs(first);
        assertThat(format.reads).hasValue(1);
        assertThat(first.name().value()).isEqualTo("com.contoso/ledger");
    }

    @Test
    void a_changed_text_is_another_document() {
        RecentDocuments documents = new RecentDocuments(new CountingFormat());

        ServerDocument before = documents.read(LEDGER);
        ServerDocument edited = documents.read(LEDGER.replace("Books ledger entries", "Books and reverses entries"));

        assertThat(edited.definition().description().value()).isEqualTo("Books and reverses entries");
        assertThat(before.definition().description().value()).isEqualTo("Books ledger entries");
    }

    @Test
    void a_text_that_is_not_a_valid_document_fails_every_time_and_is_not_remembered() {
        CountingFormat format = new CountingFormat();
        RecentDocuments documents = new RecentDocuments(format);
        String invalid = LEDGER.replace("\"version\":\"1.0.0\"", "\"version\":\"latest\"");

        assertThatThrownBy(() -> documents.read(invalid)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> documents.read(invalid)).isInstanceOf(InvalidInput.class);

        assertThat(format.reads).hasValue(2);
    }

    @Test
    void writing_is_the_format_s_own() {
        RecentDocuments documents = new RecentDocuments(new CountingFormat());
        ServerDocument ledger = documents.read(LEDGER);

        assertThat(documents.write(ledger)).isEqualTo(ServerJsonText.INSTANCE.write(ledger));
    }
}

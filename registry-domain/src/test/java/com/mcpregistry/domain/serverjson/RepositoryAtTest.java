package com.mcpregistry.domain.serverjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.error.InvalidInput;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepositoryAtTest {

    @ParameterizedTest
    @CsvSource({
        "https://github.com/contoso/ledger, github",
        "https://www.github.com/contoso/ledger/, github",
        "https://gitlab.com/contoso/finance/ledger, gitlab",
        "https://github.com/contoso/ledger/tree/main, github.com",
        "https://dev.azure.com/contoso/ledger/_git/ledger, dev.azure.com",
        "https://GHE.Contoso.com/finance/ledger, ghe.contoso.com"
    })
    void a_repository_url_names_its_source_github_gitlab_or_its_host(String url, String source) {
        assertThat(Repository.at(new HttpUrl(url)).source()).isEqualTo(source);
    }

    @ParameterizedTest
    @CsvSource({"github, https://github.com/contoso", "gitlab, https://gitlab.com/contoso", "github, https://x.com/a/b"
    })
    void a_github_or_gitlab_source_needs_a_repository_url_of_that_forge(String source, String url) {
        assertThatThrownBy(() -> new Repository(new HttpUrl(url), source, Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("/url");
    }
}

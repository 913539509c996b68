package com.mcpregistry.entra;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The claim checks of §5 that Nimbus does: {@code iss}, {@code ver} and {@code tid} exactly as configured;
 * {@code aud}, {@code exp}, {@code nbf} and {@code oid} present; {@code exp}/{@code nbf} within the clock skew,
 * with time from a {@link Clock}. On top of Nimbus: the token names exactly one audience.
 */
final class EntraClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {

    static final String VERSION = "2.0";

    private final Clock clock;

    EntraClaimsVerifier(EntraSettings settings, Clock clock) {
        super(
                settings.acceptedAudiences(),
                new JWTClaimsSet.Builder()
                        .issuer(settings.issuer())
                        .claim("ver", VERSION)
                        .claim("tid", settings.tenantId())
                        .build(),
                Set.of("aud", "exp", "nbf", "oid"),
                null);
        this.clock = clock;
        setMaxClockSkew(Math.toIntExact(settings.clockSkew().toSeconds()));
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        super.verify(claims, context);
        List<String> audience = claims.getAudience();
        if (audience.size() != 1) {
            throw new BadJWTException("JWT must name exactly one audience");
        }
    }

    @Override
    protected Date currentTime() {
        return Date.from(clock.instant());
    }
}

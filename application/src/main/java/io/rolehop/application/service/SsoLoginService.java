package io.rolehop.application.service;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.port.in.SsoLoginUseCase;
import io.rolehop.application.port.out.IdentityCenter;
import io.rolehop.application.port.out.IdentityCenterException;
import io.rolehop.application.port.out.LoginCallback;
import io.rolehop.application.port.out.Pause;
import io.rolehop.application.port.out.WebBrowser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Logs in with the authorization-code flow and PKCE (the browser, then the redirect to a loopback callback), or with
 * the device-code flow (a URL and a user code, then polling at the interval the service asks for, five seconds more
 * after each {@code SlowDownException}), and keeps the client registration and tokens of the start URL (see
 * docs/user-guide/aws-sso.md).
 */
public final class SsoLoginService implements SsoLoginUseCase {
    static final String CLIENT_NAME = "rolehop";
    static final URI REGISTERED_REDIRECT = URI.create("http://127.0.0.1/oauth/callback");
    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static final Duration SLOW_DOWN = Duration.ofSeconds(5);
    private static final String VERIFIER_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private final SsoTokens tokens;
    private final IdentityCenter identityCenter;
    private final WebBrowser browser;
    private final LoginCallback callback;
    private final Pause pause;
    private final Clock clock;
    private final Duration callbackTimeout;
    private final SecureRandom random = new SecureRandom();

    public SsoLoginService(
            SsoTokens tokens,
            IdentityCenter identityCenter,
            WebBrowser browser,
            LoginCallback callback,
            Pause pause,
            Clock clock,
            Duration callbackTimeout) {
        this.tokens = tokens;
        this.identityCenter = identityCenter;
        this.browser = browser;
        this.callback = callback;
        this.pause = pause;
        this.clock = clock;
        this.callbackTimeout = callbackTimeout;
    }

    @Override
    public Result login(Command command) {
        IdentityCenter.Client client = client(command);
        IdentityCenter.Token token;
        Flow flow = command.flow();
        if (flow == Flow.AUTHORIZATION_CODE && !command.openBrowser()) {
            flow = Flow.DEVICE_CODE;
        }
        if (flow == Flow.AUTHORIZATION_CODE) {
            Optional<IdentityCenter.Token> viaBrowser = authorizationCode(command, client);
            if (viaBrowser.isPresent()) {
                token = viaBrowser.get();
            } else {
                command.listener()
                        .tell(new Prompt(PromptKind.NO_BROWSER, Optional.empty(), Optional.empty(), Optional.empty()));
                flow = Flow.DEVICE_CODE;
                token = deviceCode(command, client);
            }
        } else {
            token = deviceCode(command, client);
        }
        tokens.save(command.startUrl(), new SsoTokens.Login(command.region(), client, Optional.of(token)));
        return new Result(
                command.startUrl(),
                flow,
                token.expiresAt(),
                token.refreshToken().isPresent());
    }

    private IdentityCenter.Client client(Command command) {
        Optional<SsoTokens.Login> kept = tokens.load(command.startUrl());
        if (kept.isPresent()
                && kept.get().region().equals(command.region())
                && kept.get().client().expiresAt().isAfter(clock.instant().plus(Duration.ofHours(1)))) {
            return kept.get().client();
        }
        return identityCenter.registerClient(
                command.region(),
                new IdentityCenter.Registration(
                        CLIENT_NAME,
                        command.scopes(),
                        List.of("authorization_code", "refresh_token", DEVICE_GRANT),
                        List.of(REGISTERED_REDIRECT.toString()),
                        command.startUrl()));
    }

    private Optional<IdentityCenter.Token> authorizationCode(Command command, IdentityCenter.Client client) {
        try (LoginCallback.Listening listening = callback.listen()) {
            String verifier = verifier();
            String state = randomUrlSafe(32);
            URI url = identityCenter.authorizeUrl(
                    command.region(), client, listening.redirectUri(), state, challenge(verifier), command.scopes());
            if (!browser.tryOpen(url, command.browserCommand())) {
                return Optional.empty();
            }
            command.listener()
                    .tell(new Prompt(PromptKind.BROWSER_OPENED, Optional.of(url), Optional.empty(), Optional.empty()));
            Map<String, String> answer = listening
                    .await(callbackTimeout)
                    .orElseThrow(() -> new OperationFailedException(
                            "no answer from the browser within " + callbackTimeout.toSeconds()
                                    + " s; run 'rolehop sso login' again, or add --use-device-code"));
            if (!state.equals(answer.get("state"))) {
                throw new OperationFailedException("the login's answer carried the wrong state and was refused;"
                        + " run 'rolehop sso login' again");
            }
            String code = answer.get("code");
            if (code == null || code.isEmpty()) {
                throw new OperationFailedException("the login was not authorised ("
                        + io.rolehop.domain.Text.printable(answer.getOrDefault("error", "no code")) + ");"
                        + " run 'rolehop sso login' again");
            }
            return Optional.of(identityCenter.authorizationCodeToken(
                    command.region(), client, code, listening.redirectUri(), verifier));
        }
    }

    private IdentityCenter.Token deviceCode(Command command, IdentityCenter.Client client) {
        IdentityCenter.DeviceAuthorization device =
                identityCenter.startDeviceAuthorization(command.region(), client, command.startUrl());
        command.listener()
                .tell(new Prompt(
                        PromptKind.DEVICE_CODE,
                        Optional.of(device.verificationUri()),
                        Optional.of(device.userCode()),
                        device.verificationUriComplete()));
        if (command.openBrowser()) {
            browser.tryOpen(
                    device.verificationUriComplete().orElse(device.verificationUri()), command.browserCommand());
        }
        Duration interval = device.interval().isZero() || device.interval().isNegative()
                ? Duration.ofSeconds(5)
                : device.interval();
        Duration waited = Duration.ZERO;
        while (waited.compareTo(device.expiresIn()) < 0) {
            pause.pause(interval);
            waited = waited.plus(interval);
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            try {
                return identityCenter.deviceToken(command.region(), client, device.deviceCode());
            } catch (IdentityCenterException e) {
                switch (e.reason()) {
                    case AUTHORIZATION_PENDING -> {}
                    case SLOW_DOWN -> interval = interval.plus(SLOW_DOWN);
                    case EXPIRED -> throw expired();
                    default -> throw e;
                }
            }
        }
        throw expired();
    }

    private static OperationFailedException expired() {
        return new OperationFailedException(
                "the user code expired before it was confirmed; run 'rolehop sso login'" + " again");
    }

    /** 64 characters of the PKCE verifier alphabet. */
    String verifier() {
        StringBuilder out = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
            out.append(VERIFIER_CHARACTERS.charAt(random.nextInt(VERIFIER_CHARACTERS.length())));
        }
        return out.toString();
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomUrlSafe(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

package io.rolehop.application.fakes;

import io.rolehop.application.port.out.MfaCodeProvider;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Hands out the codes it was given, one per request, and counts the requests. */
public final class ScriptedMfaCodeProvider implements MfaCodeProvider {
    private final Deque<String> codes = new ArrayDeque<>();
    private int requests;

    public synchronized ScriptedMfaCodeProvider willAnswer(String... values) {
        codes.addAll(java.util.List.of(values));
        return this;
    }

    @Override
    public synchronized Optional<String> code(String sessionAlias, String deviceSerial, Optional<String> mfaCommand) {
        requests++;
        return Optional.ofNullable(codes.pollFirst());
    }

    public synchronized int requests() {
        return requests;
    }
}

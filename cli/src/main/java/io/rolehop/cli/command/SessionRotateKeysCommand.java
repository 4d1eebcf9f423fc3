package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.RotateAccessKeyCommand;
import io.rolehop.application.port.in.RotateAccessKeyUseCase;
import io.rolehop.cli.output.Output;
import io.rolehop.domain.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "rotate-keys",
        description = "Replace the IAM user's access key with a new one and delete the old"
                + " one; the session keeps a working key whatever fails.")
final class SessionRotateKeysCommand implements Callable<Integer> {
    private final Provider<RotateAccessKeyUseCase> rotate;
    private final Output out;

    @Mixin
    SessionArgument session;

    @Mixin
    MfaCodeOption mfa;

    @Mixin
    OutputOption output;

    @Inject
    SessionRotateKeysCommand(Provider<RotateAccessKeyUseCase> rotate, Output out) {
        this.rotate = rotate;
        this.out = out;
    }

    @Override
    public Integer call() {
        RotateAccessKeyUseCase.Rotated rotated =
                rotate.get().rotate(new RotateAccessKeyCommand(session.ref(), mfa.code()));
        Session s = rotated.session();
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("alias", s.alias().value());
            json.put("id", s.id().value());
            json.put("oldAccessKeyId", rotated.oldAccessKeyId());
            json.put("newAccessKeyId", rotated.newAccessKeyId());
            json.put(
                    "forgotten",
                    rotated.forgotten().stream().map(x -> x.alias().value()).toList());
            out.json(json);
            return ExitCode.OK;
        }
        out.table(
                List.of("SESSION", "OLD ACCESS KEY ID", "NEW ACCESS KEY ID", "STATUS"),
                List.of(List.of(
                        s.alias().value(), rotated.oldAccessKeyId(), rotated.newAccessKeyId(), "old key deleted")));
        return ExitCode.OK;
    }
}

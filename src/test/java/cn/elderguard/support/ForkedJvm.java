package cn.elderguard.support;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A new JVM on the test class path: for what must not share this JVM (its heap, its static state). */
public final class ForkedJvm {

    private ForkedJvm() {
    }

    /** {@code java <jvmOptions> -cp <test class path> mainClass arguments}. */
    public static ProcessBuilder command(List<String> jvmOptions, Class<?> mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(classPath());
        command.add(mainClass.getName());
        command.addAll(arguments);
        return new ProcessBuilder(command);
    }

    /** Surefire starts tests from a manifest-only jar; the real class path is in its own property. */
    static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String path = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return String.join(File.pathSeparator, path.split(File.pathSeparator));
    }
}

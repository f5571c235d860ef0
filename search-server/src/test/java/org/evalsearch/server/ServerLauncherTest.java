package org.evalsearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLauncherTest {
    @TempDir
    Path dir;

    @Test
    void theServerJvmGetsTheLaunchersOptionsTheCacheAndTheSameArguments() {
        Path jar = dir.resolve("search-server.jar").toAbsolutePath();
        Path cache = dir.resolve("search-server.aot");
        Optional<List<String>> command = ServerLauncher.childCommand(
                List.of("-Xmx256m", "-Dkey=a value", "-jar", jar.toString(), "--port", "8080"), jar, cache,
                new String[] {"--port", "8080", "--index", "my index"});
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertEquals(Optional.of(List.of(java, "-Xmx256m", "-Dkey=a value", "-XX:AOTCache=" + cache,
                ServerLauncher.NATIVE_ACCESS, "-jar",
                jar.toString(), "--port", "8080", "--index", "my index")), command);
    }

    @Test
    void aJarNamedRelativeToTheWorkingFolderIsOurs() {
        Path jar = Path.of("target", "search-server.jar").toAbsolutePath();
        assertTrue(ServerLauncher.childCommand(List.of("-jar", "target/./search-server.jar"), jar,
                dir.resolve("c.aot"), new String[0]).isPresent());
    }

    @Test
    void theServerJvmRunsTheServerItself() {
        Path jar = dir.resolve("search-server.jar").toAbsolutePath();
        List<String> child = ServerLauncher.childCommand(List.of("-jar", jar.toString()), jar, dir.resolve("c.aot"),
                new String[0]).orElseThrow();
        assertEquals(Optional.empty(), ServerLauncher.childCommand(child.subList(1, child.size()), jar,
                dir.resolve("c.aot"), new String[0]));
    }

    @Test
    void theServerRunsInThisJvmWhenTheUserChoseAClassSharingMode() {
        Path jar = dir.resolve("search-server.jar").toAbsolutePath();
        for (String own : List.of("-XX:AOTCache=/elsewhere.aot", "-XX:AOTMode=off", "-Xshare:off",
                "-XX:SharedArchiveFile=app.jsa", "-XX:AOTCacheOutput=train.aot")) {
            assertEquals(Optional.empty(), ServerLauncher.childCommand(List.of(own, "-jar", jar.toString()), jar,
                    dir.resolve("c.aot"), new String[0]), own);
        }
    }

    @Test
    void theServerRunsInThisJvmWhenTheUserAttachedADebuggerAProfilerARecordingOrALogFile() {
        Path jar = dir.resolve("search-server.jar").toAbsolutePath();
        for (String tool : List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005",
                "-agentpath:/opt/profiler/libagent.so", "-javaagent:agent.jar",
                "-XX:StartFlightRecording:duration=60s,filename=server.jfr", "-Xlog:gc:file=gc.log",
                "-Xlog:gc*:gc.log:time", "-Xloggc:gc.log")) {
            assertEquals(Optional.empty(), ServerLauncher.childCommand(List.of(tool, "-jar", jar.toString()), jar,
                    dir.resolve("c.aot"), new String[0]), tool);
        }
    }

    @Test
    void logsToTheTerminalStillLetTheServerUseTheCache() {
        Path jar = dir.resolve("search-server.jar").toAbsolutePath();
        for (String log : List.of("-Xlog:gc", "-Xlog:gc:stdout", "-Xlog:gc*:stderr:uptime", "-Xlog:disable")) {
            assertTrue(ServerLauncher.childCommand(List.of(log, "-jar", jar.toString()), jar, dir.resolve("c.aot"),
                    new String[0]).isPresent(), log);
        }
    }

    @Test
    void theServerRunsInThisJvmWhenNotStartedWithThisJar() {
        Path jar = dir.resolve("search-server.jar").toAbsolutePath();
        assertEquals(Optional.empty(), ServerLauncher.childCommand(
                List.of("-cp", jar.toString(), ServerMain.class.getName()), jar, dir.resolve("c.aot"), new String[0]));
        assertEquals(Optional.empty(), ServerLauncher.childCommand(
                List.of("-jar", dir.resolve("other.jar").toString()), jar, dir.resolve("c.aot"), new String[0]));
    }

    @Test
    void theCacheBesideTheJarIsUsedOnlyWhenTheBuildMadeIt() throws IOException {
        Path jar = Files.createFile(dir.resolve("search-server.jar"));
        assertEquals(Optional.empty(), ServerLauncher.cacheBeside(jar));
        Path cache = Files.createFile(dir.resolve("search-server.aot"));
        assertEquals(Optional.of(cache), ServerLauncher.cacheBeside(jar));
    }
}

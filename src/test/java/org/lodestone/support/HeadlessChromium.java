package org.lodestone.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, driven through Debian's chromedriver. Both paths are given to Selenium explicitly, so Selenium
 * Manager never runs and nothing is downloaded. {@code .ci/run} installs the packages when they are missing; without
 * them the tests that need a browser are skipped through a JUnit assumption.
 */
public final class HeadlessChromium implements AutoCloseable {

	/** Where screenshots and the driver log are kept after a run. */
	public static final Path ARTIFACTS = Path.of("target", "browser-tests");

	private static final Path CHROMIUM = Path.of(System.getProperty("lodestone.test.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getProperty("lodestone.test.chromedriver", "/usr/bin/chromedriver"));

	private final Path profile;

	private final ChromeDriver driver;

	private HeadlessChromium(Path profile, ChromeDriver driver) {
		this.profile = profile;
		this.driver = driver;
	}

	/**
	 * Skips the calling test (or class) unless chromium and chromedriver are installed.
	 */
	public static void assumeInstalled() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
				CHROMIUM + " is missing: apt-get install chromium chromium-driver (.ci/run does)");
		Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER),
				CHROMEDRIVER + " is missing: apt-get install chromium-driver (.ci/run does)");
	}

	/**
	 * @return a headless browser with a fresh profile and a 1400 × 950 window
	 */
	public static HeadlessChromium start() {
		assumeInstalled();
		try {
			Files.createDirectories(ARTIFACTS);
			Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-").toAbsolutePath();
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.withLogFile(ARTIFACTS.resolve("chromedriver.log").toFile())
				.build();
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,950", "--lang=en-GB");
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
			return new HeadlessChromium(profile, driver);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * @param name the file name under {@link #ARTIFACTS}
	 * @return the screenshot's path
	 */
	public Path screenshot(String name) {
		File shot = this.driver.getScreenshotAs(OutputType.FILE);
		Path target = ARTIFACTS.resolve(name);
		try {
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteQuietly(this.profile);
		}
	}

	private static void deleteQuietly(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover profile under target/ is harmless
		}
	}

}

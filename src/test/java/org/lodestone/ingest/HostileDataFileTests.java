package org.lodestone.ingest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.lodestone.support.Fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Data files built to hurt: each is refused with file, line and reason (or, for a BOM, accepted), in well under 2 s,
 * and nothing in a file is ever turned into an object of a class it names. CSV is the only data format Lodestone
 * reads; it has no YAML or JSON data reader, so alias bombs and type tags have nothing to act on.
 */
class HostileDataFileTests {

	static final String SOURCES = DatasetReaderTests.SOURCES;

	@Test
	void invalidUtf8IsRefusedWithTheLineAndByte() {
		byte[] good = "id,subtype,name\nproduct:a,Chip,Alpha\n".getBytes(StandardCharsets.UTF_8);
		byte[] bad = concat(good, new byte[] { 'p', 'r', 'o', 'd', 'u', 'c', 't', ':', 'b', ',', 'C', 'h', 'i', 'p', ',',
				(byte) 0xC3, (byte) 0x28, '\n' });
		DatasetProblem problem = onlyProblem(List.of(bytesFile("entities.csv", bad)));
		assertThat(problem.line()).isEqualTo(3);
		assertThat(problem.reason()).startsWith("is not valid UTF-8: byte 0xC3 at column 16");
		assertThat(problem.toString()).startsWith("data/entities.csv:3: ");

		// Latin-1 "é", an overlong encoding and a lone surrogate encoded as UTF-8 are all refused.
		for (byte[] sequence : List.of(new byte[] { (byte) 0xE9 }, new byte[] { (byte) 0xC0, (byte) 0xAF },
				new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 })) {
			assertThat(onlyProblem(List.of(bytesFile("entities.csv", concat(good, sequence)))).reason())
				.startsWith("is not valid UTF-8");
		}
	}

	@Test
	void aByteOrderMarkIsAccepted() {
		byte[] entities = concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				"id,subtype,name\nproduct:a,Chip,Alpha\n".getBytes(StandardCharsets.UTF_8));
		Dataset dataset = DatasetReader.read(List.of(bytesFile("entities.csv", entities)));
		assertThat(dataset.entities()).singleElement().satisfies(entity -> assertThat(entity.id()).isEqualTo("product:a"));
	}

	@Test
	void binaryFilesWithNulCharactersAreRefused() {
		DatasetProblem problem = onlyProblem(List.of(DatasetReaderTests.file("entities.csv",
				"id,subtype,name\nproduct:a,Chip,Al\u0000pha\n")));
		assertThat(problem.line()).isEqualTo(2);
		assertThat(problem.reason()).contains("NUL");
	}

	@Test
	void aFileOverTheLimitIsRefusedBeforeItIsParsed() {
		AtomicBoolean readPastLimit = new AtomicBoolean();
		long limit = 64 * 1024;
		// An endless stream: the reader must stop at the limit, not read (or parse) the rest.
		DatasetFile endless = new DatasetFile("data/entities.csv", () -> new java.io.InputStream() {
			long served;

			@Override
			public int read() {
				this.served++;
				if (this.served > limit + 1) {
					readPastLimit.set(true);
				}
				return (this.served % 20 == 0) ? '\n' : 'x';
			}
		});
		long started = System.nanoTime();
		InvalidDatasetException ex = catchThrowableOfType(InvalidDatasetException.class,
				() -> DatasetReader.read(List.of(endless), KnownIds.NONE, limit));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		assertThat(ex.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.reason()).startsWith("is larger than 65536 bytes").contains("lodestone.import.max-file-size");
			assertThat(problem.line()).isZero();
		});
		assertThat(readPastLimit).isFalse();
	}

	@Test
	void theLargestConfigurableLimitStillReadsTheFile() {
		// A limit near Long.MAX_VALUE once overflowed into reading nothing, which reported every column missing.
		String sources = "id,publisher,title,date,url,type\n"
				+ "src:probe-2025-01-01-limit,Probe,Limit,2025-01-01,https://example.org/limit,data\n";
		Dataset dataset = DatasetReader.read(List.of(bytesFile("data/sources.csv",
				sources.getBytes(StandardCharsets.UTF_8))), KnownIds.NONE, Long.MAX_VALUE);
		assertThat(dataset.sources()).extracting(Dataset.Source::id).containsExactly("src:probe-2025-01-01-limit");
	}

	@Test
	void raggedRowsAndBrokenQuotingAreRefusedWithTheirLines() {
		String entities = "id,subtype,name\nproduct:a,Chip\nproduct:b,Chip,Beta,extra\nproduct:c,Chip,\"unclosed\n";
		InvalidDatasetException ex = catchThrowableOfType(InvalidDatasetException.class,
				() -> DatasetReader.read(List.of(DatasetReaderTests.file("entities.csv", entities))));
		assertThat(ex.problems()).extracting(DatasetProblem::toString)
			.anySatisfy(text -> assertThat(text).startsWith("data/entities.csv:2: has 2 fields"))
			.anySatisfy(text -> assertThat(text).contains("is not valid CSV"));
	}

	@Test
	void cellsThatNameClassesOrTypesStayText() {
		String canary = Canary.class.getName();
		String entities = "id,subtype,name,aliases,description\n"
				+ "product:a,Chip,\"!!" + canary + " {}\",\"@class:" + canary + "|${jndi:ldap://127.0.0.1/a}\",\"<!DOCTYPE x [<!ENTITY a SYSTEM 'file:///etc/passwd'>]>&a;\"\n";
		Dataset dataset = DatasetReader.read(List.of(DatasetReaderTests.file("entities.csv", entities)));
		assertThat(dataset.entities().get(0).name()).isEqualTo("!!" + canary + " {}");
		assertThat(dataset.entities().get(0).aliases()).containsExactly("@class:" + canary, "${jndi:ldap://127.0.0.1/a}");
		assertThat(dataset.entities().get(0).description()).startsWith("<!DOCTYPE");
		assertThat(CANARY_INITIALIZED.get()).as("the class named in the data was never initialized").isFalse();
		// Naming a class in the subtype column is just an unknown subtype.
		assertThat(onlyProblem(List.of(DatasetReaderTests.file("entities.csv",
				"id,subtype,name\nproduct:a," + canary + ",A\n"))).reason()).startsWith("unknown subtype");
		assertThat(CANARY_INITIALIZED.get()).isFalse();
	}

	@Test
	void arbitraryBytesAreReadOrRefusedCleanly() {
		List<String> headers = List.of("id,subtype,name,aliases,description\n", "from,to,type,validFrom,confidence,sources\n",
				"id,publisher,title,date,url,type\n", "");
		Fuzz.check("data files", fuzz -> {
			String header = fuzz.pick(headers);
			byte[] body = fuzz.chance(50) ? fuzz.string(300).getBytes(StandardCharsets.UTF_8) : fuzz.bytes(300);
			if (fuzz.chance(30)) {
				body = fuzz.mutate(header + "product:a,Chip,\"A, quoted\",x|y,\"multi\nline\"\n", ",\"\n\r|:\u00e9\\")
					.getBytes(StandardCharsets.UTF_8);
				header = "";
			}
			String name = fuzz.pick(List.of("entities.csv", "relationships.csv", "sources.csv"));
			return new Object[] { name, concat(header.getBytes(StandardCharsets.UTF_8), body) };
		}, input -> {
			try {
				DatasetReader.read(List.of(bytesFile((String) input[0], (byte[]) input[1])), KnownIds.NONE, 4096);
			}
			catch (InvalidDatasetException ex) {
				assertThat(ex.problems()).isNotEmpty().allSatisfy(problem -> assertThat(problem.reason()).isNotBlank());
			}
		});
	}

	private static DatasetProblem onlyProblem(List<DatasetFile> files) {
		List<DatasetFile> all = new ArrayList<>(files);
		InvalidDatasetException ex = catchThrowableOfType(InvalidDatasetException.class, () -> DatasetReader.read(all));
		assertThat(ex).as("the files were refused").isNotNull();
		assertThat(ex.problems()).hasSize(1);
		return ex.problems().get(0);
	}

	private static DatasetFile bytesFile(String name, byte[] content) {
		return new DatasetFile("data/" + name, () -> new ByteArrayInputStream(content));
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] all = new byte[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

	/** Set when anything initializes {@link Canary}; kept outside it, since reading Canary's own field would. */
	static final AtomicBoolean CANARY_INITIALIZED = new AtomicBoolean();

	/** A class named in the data; initializing it would mean the data instantiated something. */
	static final class Canary {

		static {
			CANARY_INITIALIZED.set(true);
		}

	}

}

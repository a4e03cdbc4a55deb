package org.lodestone.support;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A small seeded fuzzer for property tests: random inputs from a fixed seed, so a failure names the seed and the
 * input and can be replayed. The suite runs {@value #DEFAULT_ITERATIONS} inputs per property; a long run sets
 * {@code -Dlodestone.fuzz.iterations} (and, to explore further, {@code -Dlodestone.fuzz.seed}).
 */
public final class Fuzz {

	public static final int DEFAULT_ITERATIONS = 1_000;

	private final Random random;

	private final long seed;

	private Fuzz(long seed) {
		this.seed = seed;
		this.random = new Random(seed);
	}

	/**
	 * Runs the property on {@code lodestone.fuzz.iterations} generated inputs.
	 * @param <T> the input type
	 * @param name the property, for failure messages
	 * @param generator makes one input from the fuzzer
	 * @param property throws when the input breaks it
	 */
	public static <T> void check(String name, java.util.function.Function<Fuzz, T> generator, Consumer<T> property) {
		long seed = Long.getLong("lodestone.fuzz.seed", 20251129L) ^ name.hashCode();
		int iterations = Integer.getInteger("lodestone.fuzz.iterations", DEFAULT_ITERATIONS);
		Fuzz fuzz = new Fuzz(seed);
		for (int i = 0; i < iterations; i++) {
			T input = generator.apply(fuzz);
			try {
				property.accept(input);
			}
			catch (Throwable ex) {
				throw new AssertionError(name + " failed on input #" + i + " (seed " + seed + "): "
						+ describe(input), ex);
			}
		}
	}

	public int nextInt(int bound) {
		return this.random.nextInt(bound);
	}

	public boolean chance(int percent) {
		return this.random.nextInt(100) < percent;
	}

	public <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	/** Any string: ASCII, control characters, any BMP character, surrogate pairs and lone surrogates. */
	public String string(int maxLength) {
		int length = this.random.nextInt(maxLength + 1);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			int kind = this.random.nextInt(10);
			if (kind < 5) {
				text.append((char) (0x20 + this.random.nextInt(0x5F)));
			}
			else if (kind < 6) {
				text.append((char) this.random.nextInt(0x20));
			}
			else if (kind < 8) {
				text.append((char) this.random.nextInt(0x10000));
			}
			else {
				text.appendCodePoint(0x10000 + this.random.nextInt(0x100000 - 0x10000));
			}
		}
		return text.toString();
	}

	/** Random bytes, often near the structure of a text file. */
	public byte[] bytes(int maxLength) {
		byte[] bytes = new byte[this.random.nextInt(maxLength + 1)];
		this.random.nextBytes(bytes);
		return bytes;
	}

	/** Mutates text: flips, inserts, deletes or duplicates a few characters. */
	public String mutate(String text, String alphabet) {
		StringBuilder mutated = new StringBuilder(text);
		int edits = 1 + this.random.nextInt(4);
		for (int i = 0; i < edits; i++) {
			int at = mutated.isEmpty() ? 0 : this.random.nextInt(mutated.length());
			char c = alphabet.charAt(this.random.nextInt(alphabet.length()));
			switch (this.random.nextInt(4)) {
				case 0 -> mutated.insert(at, c);
				case 1 -> {
					if (!mutated.isEmpty()) {
						mutated.deleteCharAt(at);
					}
				}
				case 2 -> {
					if (!mutated.isEmpty()) {
						mutated.setCharAt(at, c);
					}
				}
				default -> mutated.insert(at, mutated.substring(at, Math.min(mutated.length(), at + 8)));
			}
		}
		return mutated.toString();
	}

	public long seed() {
		return this.seed;
	}

	private static String describe(Object input) {
		String text = (input instanceof byte[] bytes) ? java.util.HexFormat.of().formatHex(bytes) : String.valueOf(input);
		return (text.length() > 2_000) ? text.substring(0, 2_000) + "..." : text;
	}

}

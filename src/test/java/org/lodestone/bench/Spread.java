package org.lodestone.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A figure as the benchmarks report it: the median of repeated measurements with their minimum and maximum.
 *
 * @param median the median
 * @param min the smallest measurement
 * @param max the largest measurement
 * @param n how many measurements
 */
public record Spread(double median, double min, double max, int n) {

	public static Spread of(Collection<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		int n = sorted.size();
		if (n == 0) {
			return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
		}
		double median = (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		return new Spread(median, sorted.get(0), sorted.get(n - 1), n);
	}

	public Spread scaled(double factor) {
		return (factor >= 0) ? new Spread(this.median * factor, this.min * factor, this.max * factor, this.n)
				: new Spread(this.median * factor, this.max * factor, this.min * factor, this.n);
	}

	/** The reciprocal, for turning times into rates: the median's reciprocal, the bounds swapped. */
	public Spread inverse(double numerator) {
		return new Spread(numerator / this.median, numerator / this.max, numerator / this.min, this.n);
	}

	public String format(String pattern) {
		if (this.n == 0) {
			return "n/a";
		}
		String median = String.format(Locale.ROOT, pattern, this.median);
		if (this.n == 1) {
			return median + " (n=1)";
		}
		return median + " (" + String.format(Locale.ROOT, pattern, this.min) + "–"
				+ String.format(Locale.ROOT, pattern, this.max) + ", n=" + this.n + ")";
	}

}

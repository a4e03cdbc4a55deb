package org.lodestone.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Measures how much the live heap grows while the whole graph is exported, run by {@link BenchmarkSuite} in a JVM of
 * its own with a small heap (the engine shares it, as in the embedded mode). For each export it records the live heap
 * after a full collection before the export, and the largest heap occupancy any collection during the export left
 * behind (an upper bound of what the export kept reachable). Prints one line per export: {@code name before peak},
 * in bytes.
 */
public final class ExportHeapProbe {

	private ExportHeapProbe() {
	}

	public static void main(String[] args) throws Exception {
		AtomicLong peakAfterGc = new AtomicLong();
		NotificationListener listener = (notification, handback) -> {
			if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
				var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
				// G1's concurrent cycle reports the pools as they are, young garbage included; only pauses collect.
				if (info.getGcName().contains("Concurrent")) {
					return;
				}
				long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
					.mapToLong(MemoryUsage::getUsed).sum();
				peakAfterGc.accumulateAndGet(after, Math::max);
			}
		};
		for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) gc).addNotificationListener(listener, null, null);
		}
		try (BenchEngine engine = BenchEngine.start(Path.of(args[0]))) {
			// Warm up: classes loaded, queries planned, the engine's caches filled, before anything is measured.
			ExportWorkloads.nullSink(engine.driver());
			for (ExportWorkloads.Format format : ExportWorkloads.Format.values()) {
				ExportWorkloads.export(engine.reads(), format);
			}
			for (String name : new String[] { ExportBenchmark.BASELINE, "graphml", "gexf", "json" }) {
				System.gc();
				System.gc();
				long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
				peakAfterGc.set(before);
				if (name.equals(ExportBenchmark.BASELINE)) {
					ExportWorkloads.nullSink(engine.driver());
				}
				else {
					ExportWorkloads.export(engine.reads(), ExportWorkloads.Format.of(name));
				}
				System.out.println("probe " + name + " " + before + " " + peakAfterGc.get());
			}
		}
		System.exit(0);
	}

}

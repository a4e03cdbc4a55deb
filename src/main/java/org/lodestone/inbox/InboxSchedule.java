package org.lodestone.inbox;

import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * {@code lodestone.inbox.schedule.enabled=true}: runs the configured connectors on their configured URLs at
 * {@code lodestone.inbox.schedule.cron} (UTC). Off by default: a connector fetches from the internet, and an
 * installation decides whether it may. A run only proposes; a failed run leaves the inbox as it was and is logged with
 * its reason, and the next one tries again.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lodestone.inbox.schedule.enabled", havingValue = "true")
@EnableScheduling
class InboxSchedule implements SchedulingConfigurer {

	private static final Log logger = LogFactory.getLog(InboxSchedule.class);

	private final RefreshService refresh;

	private final InboxProperties.Schedule schedule;

	InboxSchedule(RefreshService refresh, InboxProperties properties) {
		this.refresh = refresh;
		this.schedule = properties.schedule();
		for (String connector : this.schedule.connectors()) {
			if (!RefreshService.CONNECTORS.contains(connector)) {
				throw new IllegalArgumentException("lodestone.inbox.schedule.connectors: no connector '" + connector
						+ "'; the connectors are " + String.join(", ", RefreshService.CONNECTORS));
			}
		}
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addCronTask(new org.springframework.scheduling.config.CronTask(this::runAll,
				new CronTrigger(this.schedule.cron(), TimeZone.getTimeZone(ZoneOffset.UTC))));
	}

	/**
	 * Runs each scheduled connector once, in order; one failing does not stop the others.
	 * @return one line per connector: what it proposed, or why it failed
	 */
	List<String> runAll() {
		return this.schedule.connectors().stream().map(connector -> {
			try {
				RefreshService.RefreshReport report = this.refresh.refresh(connector, null);
				String line = "scheduled " + connector + ": " + report.created() + " new proposals of "
						+ report.proposals().size() + ", " + report.skipped().size() + " skipped";
				logger.info(line);
				return line;
			}
			catch (RuntimeException ex) {
				String line = "scheduled " + connector + " failed, the inbox is as it was: " + ex.getMessage();
				logger.warn(line);
				return line;
			}
		}).toList();
	}

}

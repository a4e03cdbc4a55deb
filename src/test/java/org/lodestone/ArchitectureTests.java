package org.lodestone;

import java.util.Arrays;

import org.lodestone.ingest.GraphChangedEvent;
import org.lodestone.ingest.GraphVersion;
import org.lodestone.neo4j.ScopedGraphReads;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package floors of docs/architecture.md ("Packages"), checked on the compiled main classes: a floor imports only
 * floors below it, packages form no cycle, controllers stay package-private and nothing below the edges imports
 * {@code web}. A new package fails {@link #everyPackageStandsOnAFloor} until it is given a floor here and a line in
 * the package map.
 */
@AnalyzeClasses(packages = "org.lodestone", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	// The floors, from the ground up. A package is on exactly one.
	private static final String[] GRAPH = { "org.lodestone.graph.." };

	private static final String[] REQUEST = { "org.lodestone.request.." };

	private static final String[] ENGINE = { "org.lodestone.neo4j.." };

	private static final String[] INGEST = { "org.lodestone.ingest.." };

	private static final String[] FEATURES = { "org.lodestone.entity..", "org.lodestone.path..",
			"org.lodestone.analysis..", "org.lodestone.export..", "org.lodestone.cypher..", "org.lodestone.info..",
			"org.lodestone.guide..", "org.lodestone.synth..", "org.lodestone.history..", "org.lodestone.inbox..",
			"org.lodestone.reconcile.." };

	private static final String[] EDGES = { "org.lodestone.web..", "org.lodestone.security..", "org.lodestone.cli..",
			"org.lodestone.mcp.." };

	// The application class: it dispatches the commands and boots Spring over every package, so it may use every
	// floor; it is the top, so nothing imports it.
	private static final String ROOT = "org.lodestone";

	@ArchTest
	static final ArchRule floorsImportOnlyFloorsBelowThem = layeredArchitecture().consideringOnlyDependenciesInLayers()
		.layer("Graph").definedBy(GRAPH)
		.layer("Request").definedBy(REQUEST)
		.layer("Engine").definedBy(ENGINE)
		.layer("Ingest").definedBy(INGEST)
		.layer("Features").definedBy(FEATURES)
		.layer("Edges").definedBy(EDGES)
		.layer("Application").definedBy(ROOT)
		.whereLayer("Application").mayNotBeAccessedByAnyLayer()
		.whereLayer("Edges").mayOnlyBeAccessedByLayers("Application")
		.whereLayer("Features").mayOnlyBeAccessedByLayers("Edges", "Application")
		.whereLayer("Ingest").mayOnlyBeAccessedByLayers("Features", "Edges", "Application")
		.whereLayer("Engine").mayOnlyBeAccessedByLayers("Ingest", "Features", "Edges", "Application")
		// request (parameter values, InvalidRequestException) stands beside neo4j on graph: the engine never
		// parses a request, so neo4j may not use it.
		.whereLayer("Request").mayOnlyBeAccessedByLayers("Ingest", "Features", "Edges", "Application")
		.whereLayer("Graph")
		.mayOnlyBeAccessedByLayers("Request", "Engine", "Ingest", "Features", "Edges", "Application")
		.because("a floor only imports floors below it (docs/architecture.md, Packages)");

	@ArchTest
	static final ArchRule everyPackageStandsOnAFloor = classes().should()
		.resideInAnyPackage(concat(GRAPH, REQUEST, ENGINE, INGEST, FEATURES, EDGES, new String[] { ROOT }))
		.because("a package that is on no floor escapes the layering rule; give it a floor in ArchitectureTests and a "
				+ "line in docs/architecture.md's package map");

	@ArchTest
	static final ArchRule packagesFormNoCycle = slices().matching("org.lodestone.(*)..")
		.namingSlices("$1")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule nothingBelowTheEdgesImportsWeb = noClasses().that()
		.resideOutsideOfPackages("org.lodestone.web..", "org.lodestone.security..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.lodestone.web..")
		.because("web maps what the floors below throw to HTTP; only security, which writes problem responses "
				+ "itself, uses it");

	// Of the edges, only security imports another: web, to write problem responses.
	@ArchTest
	static final ArchRule webImportsNoOtherEdge = noClasses().that()
		.resideInAPackage("org.lodestone.web..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.lodestone.security..", "org.lodestone.cli..");

	@ArchTest
	static final ArchRule cliImportsNoOtherEdge = noClasses().that()
		.resideInAPackage("org.lodestone.cli..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.lodestone.security..", "org.lodestone.web..");

	// The MCP server is an edge of its own: it calls the features, never the HTTP edge's mapping or security.
	@ArchTest
	static final ArchRule mcpImportsNoOtherEdge = noClasses().that()
		.resideInAPackage("org.lodestone.mcp..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.lodestone.security..", "org.lodestone.web..", "org.lodestone.cli..");

	@ArchTest
	static final ArchRule securityImportsNoCli = noClasses().that()
		.resideInAPackage("org.lodestone.security..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.lodestone.cli..");

	// web reaches the engine, ingest and the features only for the exceptions it maps (graph and request, the
	// neutral values, are free to it: the JSON limits read RequestLimits), for the graph's version, which is what
	// its answer caches are cleared on and its ETags are made of, and for which graph answers (the live one or one
	// recorded at a change, for knownAt), which its answer keys include.
	@ArchTest
	static final ArchRule webUsesWhatIsBelowItOnlyToMapExceptions = noClasses().that()
		.resideInAPackage("org.lodestone.web..")
		.should()
		.dependOnClassesThat(resideInAnyPackage(concat(ENGINE, INGEST, FEATURES)).and(not(assignableTo(Throwable.class)))
			.and(not(belongToAnyOf(GraphVersion.class, GraphChangedEvent.class, ScopedGraphReads.class))))
		.because("web is where exceptions become problem details; a feature's work is called by its own controller");

	@ArchTest
	static final ArchRule controllersArePackagePrivate = classes().that()
		.areMetaAnnotatedWith(Controller.class)
		.should()
		.notBePublic()
		.because("a controller is its feature's HTTP face, reached through Spring MVC, never called from another "
				+ "package");

	private static String[] concat(String[]... groups) {
		return Arrays.stream(groups).flatMap(Arrays::stream).toArray(String[]::new);
	}

}

package org.lodestone.ingest;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.lodestone.request.InvalidRequestException;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/import}: the same validation and import as the command line, for CSV files (or JSON graphs
 * exported by Lodestone) uploaded as {@code multipart/form-data} parts named {@code files}, with the optional fields
 * {@code reason} (required when the import corrects or retracts), {@code fullSnapshot} and {@code retract}.
 */
@RestController
@RequestMapping("/api/import")
class ImportController {

	private final GraphImporter importer;

	ImportController(GraphImporter importer) {
		this.importer = importer;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ImportReport importFiles(@RequestPart("files") List<MultipartFile> uploads,
			@RequestParam(required = false) String reason, @RequestParam(defaultValue = "false") String fullSnapshot,
			@RequestParam(required = false) List<String> retract, Principal principal) {
		if (!fullSnapshot.equals("true") && !fullSnapshot.equals("false")) {
			throw new InvalidRequestException("fullSnapshot", "fullSnapshot must be true or false, got '"
					+ fullSnapshot + "'");
		}
		// The credential's name is who made the change; the security configuration lets no anonymous import here.
		String by = (principal != null) ? principal.getName() : "anonymous";
		ImportOptions options = new ImportOptions(by, reason, Boolean.parseBoolean(fullSnapshot), retract, true);
		List<DatasetFile> files = new ArrayList<>();
		for (MultipartFile upload : uploads) {
			String name = upload.getOriginalFilename();
			if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")
					|| !DatasetFile.isDatasetFile(name)) {
				throw new InvalidRequestException("files",
						"each part needs a plain .csv file name starting with sources, entities or relationships, "
								+ "or a .json graph exported by Lodestone; got '" + name + "'");
			}
			files.add(new DatasetFile(name, upload::getInputStream));
		}
		return this.importer.importDataset(this.importer.read(files), options, ImportProgress.NONE);
	}

}

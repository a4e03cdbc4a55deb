package org.lodestone.export;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes an exported SVG readable: it parses as XML, shows the names it must show, and no two labels overlap.
 * Each label's box is measured from its position and font the way the exporter measured it when it gave ELK the
 * sizes, so the check does not trust the layout it checks.
 */
final class SvgChecks {

	private static final Pattern FONT_SIZE = Pattern.compile("font-size:\\s*([0-9.]+)px");

	// JFreeSVG writes translations as matrix(1,0,0,1,dx,dy); the exporter never scales or rotates.
	private static final Pattern TRANSLATE = Pattern.compile(
			"matrix\\(1(?:\\.0)?,\\s*0(?:\\.0)?,\\s*0(?:\\.0)?,\\s*1(?:\\.0)?,\\s*([-0-9.E]+),\\s*([-0-9.E]+)\\)");

	private SvgChecks() {
	}

	static void assertReadable(String svg, List<String> names) throws Exception {
		Document document = ExportFormatsTests.parse(svg);
		assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
		List<Label> labels = labels(document);
		String allText = String.join("\n", labels.stream().map(Label::text).toList());
		for (String name : names) {
			// Long names wrap over lines; every word must be there.
			for (String word : name.split(" ")) {
				assertThat(allText).as("label text").contains(word);
			}
		}
		for (int i = 0; i < labels.size(); i++) {
			for (int j = i + 1; j < labels.size(); j++) {
				Label a = labels.get(i);
				Label b = labels.get(j);
				assertThat(a.box().intersects(b.box())).as("'%s' %s overlaps '%s' %s", a.text(), a.box(), b.text(),
						b.box()).isFalse();
			}
		}
	}

	static List<Label> labels(Document document) {
		List<Label> labels = new ArrayList<>();
		NodeList texts = document.getElementsByTagNameNS("*", "text");
		for (int i = 0; i < texts.getLength(); i++) {
			Element text = (Element) texts.item(i);
			double x = Double.parseDouble(text.getAttribute("x"));
			double y = Double.parseDouble(text.getAttribute("y"));
			double[] offset = offset(text);
			String style = text.getAttribute("style");
			Matcher size = FONT_SIZE.matcher(style);
			assertThat(size.find()).as("font size in " + style).isTrue();
			Font font = new Font(Font.SANS_SERIF, style.contains("bold") ? Font.BOLD : Font.PLAIN,
					(int) Math.round(Double.parseDouble(size.group(1))));
			String content = text.getTextContent();
			double width = SvgExporter.width(font, content);
			double ascent = SvgExporter.ascent(font);
			double descent = SvgExporter.descent(font);
			// A hair smaller than the glyph box, so labels that merely touch do not count as overlapping.
			labels.add(new Label(content, new Rectangle2D.Double(x + offset[0] + 0.5, y + offset[1] - ascent + 0.5,
					width - 1, ascent + descent - 1)));
		}
		return labels;
	}

	// The translation of the text and every group around it.
	private static double[] offset(Element element) {
		double dx = 0;
		double dy = 0;
		for (org.w3c.dom.Node node = element; node instanceof Element current; node = node.getParentNode()) {
			Matcher translate = TRANSLATE.matcher(current.getAttribute("transform"));
			if (translate.find()) {
				dx += Double.parseDouble(translate.group(1));
				dy += Double.parseDouble(translate.group(2));
			}
		}
		return new double[] { dx, dy };
	}

	record Label(String text, Rectangle2D box) {
	}

}

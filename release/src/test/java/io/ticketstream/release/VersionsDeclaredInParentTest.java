package io.ticketstream.release;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every dependency and plugin version is declared once, in the parent pom: a module pom names no version, or only
 * {@code ${project.version}} (our own artifacts with a classifier or type the parent's management does not cover) or a
 * property the parent defines, and defines no {@code *.version} property of its own.
 */
class VersionsDeclaredInParentTest {

    private static final Pattern PROPERTY_REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    @Test
    void modulePomsDeclareNoVersionOfTheirOwn() throws Exception {
        Path root = ReleaseFiles.projectRoot();
        Document parent = parse(root.resolve("pom.xml"));
        Set<String> parentProperties = new HashSet<>();
        NodeList properties = child(parent.getDocumentElement(), "properties").getChildNodes();
        for (int i = 0; i < properties.getLength(); i++) {
            if (properties.item(i) instanceof Element e) {
                parentProperties.add(e.getTagName());
            }
        }
        List<String> modules = new ArrayList<>();
        NodeList moduleNodes = child(parent.getDocumentElement(), "modules").getElementsByTagName("module");
        for (int i = 0; i < moduleNodes.getLength(); i++) {
            modules.add(moduleNodes.item(i).getTextContent().trim());
        }
        assertTrue(modules.size() >= 10, modules.toString());

        List<String> problems = new ArrayList<>();
        for (String module : modules) {
            Document pom = parse(root.resolve(module).resolve("pom.xml"));
            NodeList versions = pom.getElementsByTagName("version");
            for (int i = 0; i < versions.getLength(); i++) {
                Element version = (Element) versions.item(i);
                String owner = ((Element) version.getParentNode()).getTagName();
                if (owner.equals("parent") || owner.equals("project")) {
                    continue;
                }
                String text = version.getTextContent().trim();
                Matcher reference = PROPERTY_REFERENCE.matcher(text);
                boolean fromParent = reference.matches() && (reference.group(1).equals("project.version")
                        || parentProperties.contains(reference.group(1)));
                if (!fromParent) {
                    problems.add(module + "/pom.xml: <" + owner + "> " + coordinates(version.getParentNode())
                            + " has version '" + text + "': declare it in the parent pom");
                }
            }
            Element moduleProperties = child(pom.getDocumentElement(), "properties");
            if (moduleProperties != null) {
                NodeList own = moduleProperties.getChildNodes();
                for (int i = 0; i < own.getLength(); i++) {
                    if (own.item(i) instanceof Element e && e.getTagName().endsWith(".version")) {
                        problems.add(module + "/pom.xml: property " + e.getTagName() + ": versions live in the parent");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static String coordinates(Node node) {
        Element element = (Element) node;
        Element groupId = child(element, "groupId");
        Element artifactId = child(element, "artifactId");
        return (groupId == null ? "" : groupId.getTextContent().trim() + ":")
                + (artifactId == null ? "?" : artifactId.getTextContent().trim());
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static Document parse(Path pom) throws Exception {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read " + pom, e);
        }
    }
}
